import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../../infra/local/test-client.ts';
import { nextEmailTo } from '../../../infra/local/test-inbox.ts';
import { runJob } from '../../../infra/local/test-client.ts';
import { database } from '../../../shared/db/all-entities.ts';

let admin: Signed;
let invitation: { invitationId: string; userId: string };
const email = 'late.larry@example.com';
const statusOf = async () =>
  (await api('/api/invitations?limit=100', { token: admin.token })).body.items.find((i: { invitationId: string }) => i.invitationId === invitation.invitationId)
    .status;

beforeAll(async () => {
  admin = await signIn('hello@designpi.com');
  invitation = (await api('/api/invitations', { method: 'POST', token: admin.token, body: JSON.stringify({ email, name: 'Larry Late', role: 'CLIENT' }) }))
    .body;
  await nextEmailTo(email);
});

describe('the expire-invitations job', () => {
  it('leaves invitations whose link still works alone', async () => {
    await runJob('expire-invitations');
    expect(await statusOf()).toBe('pending');
  });

  it('marks a pending invitation whose link ran out as expired, audited as the portal, once', async () => {
    await database()
      .entities.invitation.patch({ tenantId: 't-designpi', invitationId: invitation.invitationId })
      .set({ linkExpiresAt: Math.floor(Date.now() / 1000) - 60 })
      .go();
    const first = await runJob('expire-invitations');
    expect(first.firms).toBeGreaterThanOrEqual(2);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(await statusOf()).toBe('expired');
    const { data } = await database()
      .entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: invitation.userId })
      .go({ order: 'desc', limit: 1 });
    expect(data[0]).toMatchObject({ action: 'invitation.expired', actorId: 'system', changes: [{ field: 'invitation', from: 'pending', to: 'expired' }] });
    expect((await runJob('expire-invitations')).expired).toBe(0);
  });

  it('lets the firm send an expired invitation again, with a working link', async () => {
    const resent = await api(`/api/invitations/${invitation.invitationId}/resend`, { method: 'POST', token: admin.token });
    expect(resent.status).toBe(200);
    expect(resent.body.status).toBe('pending');
    expect((await nextEmailTo(email, 1)).subject).toBe('You are invited to DesignPi on Service Portal');
    expect(await statusOf()).toBe('pending');
  });
});
