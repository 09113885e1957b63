/** A guest's account, made with their first booking, claimed later by signing up or by the firm's invitation: the bookings stay theirs (ADR 0012). */
import { beforeAll, describe, expect, it } from 'vitest';
import { at, bookAsGuest, bookingFixtures } from '../../infra/local/test-bookings.ts';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailsTo, linkIn } from '../../infra/local/test-inbox.ts';

const { run, service, staff } = bookingFixtures();
let serviceId: string;
let admin: Signed;

const post = (who: Signed | undefined, path: string, body: unknown) => api(path, { method: 'POST', token: who?.token, body: JSON.stringify(body) });
const tokenIn = (mail: Parameters<typeof linkIn>[0]) => new URL(linkIn(mail, '/invitation/?token=')).searchParams.get('token')!;

/** Books twice as a guest with this address, which has no account yet: both bookings are the guest account's at once. */
async function guestWithTwoBookings(email: string, day: number): Promise<string[]> {
  const ids: string[] = [];
  for (const minutes of [600, 720]) {
    const res = await bookAsGuest(serviceId, at(day, minutes), { name: `Guest ${run}`, email });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(res.body.bookingId);
  }
  return ids;
}

/** Accepts the invitation emailed to the address (its booking emails may come before or after) and signs in with the password chosen there. */
async function acceptInvitation(email: string): Promise<Signed> {
  const invitation = async () => (await emailsTo(email)).find((m) => m.text.includes('/invitation/?token='));
  await expect.poll(invitation, { timeout: 10_000 }).toBeDefined();
  const token = tokenIn((await invitation())!);
  const accepted = await post(undefined, '/api/invitations/accept', { token, password: 'Guest-Passw0rd!' });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  return signIn(email, 'Guest-Passw0rd!');
}

const myBookingIds = async (who: Signed, day: number) =>
  (await api(`/api/bookings?from=${at(day, 0)}&to=${at(day + 1, 0)}`, { token: who.token })).body.items.map((b: { bookingId: string }) => b.bookingId).sort();

beforeAll(async () => {
  await staff('Gus');
  serviceId = await service({ autoConfirm: true });
  admin = await signIn('hello@designpi.com');
});

describe('a guest’s account', () => {
  it('is claimed by signing up with its address: the same account, with the bookings made as a guest', async () => {
    const email = `claim.signup.${run}@example.test`;
    const booked = await guestWithTwoBookings(email, 3);
    expect((await post(undefined, '/api/signup/designpi', { name: `Claimed ${run}`, email })).status).toBe(202);
    const client = await acceptInvitation(email);

    expect(client.userId).toMatch(/^guest-/);
    expect(await myBookingIds(client, 3)).toEqual([...booked].sort());
    const me = await api('/api/me', { token: client.token });
    expect(me.body.user).toMatchObject({ name: `Claimed ${run}`, role: 'CLIENT', status: 'active' });
    // Booking again as a guest with that address is held for it to confirm (ADR 0016): not in the account yet.
    expect((await bookAsGuest(serviceId, at(3, 840), { name: `Guest ${run}`, email })).status).toBe(201);
    expect(await myBookingIds(client, 3)).toEqual([...booked].sort());
    // And the address, now a member's, cannot be invited again.
    expect((await post(admin, '/api/invitations', { email, name: 'Again', role: 'CLIENT' })).status).toBe(409);
  });

  it('is claimed through the firm’s invitation, as a client only', async () => {
    const email = `claim.invite.${run}@example.test`;
    const booked = await guestWithTwoBookings(email, 4);
    const asStaff = await post(admin, '/api/invitations', { email, name: `Invited ${run}`, role: 'TEAM_MEMBER' });
    expect(asStaff.status).toBe(409);
    expect(asStaff.body.error.message).toBe(`${email} is a client of this firm (from a booking): invite them as a client.`);

    const invited = await post(admin, '/api/invitations', { email, name: `Invited ${run}`, role: 'CLIENT' });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body.userId).toMatch(/^guest-/);
    const client = await acceptInvitation(email);
    expect(await myBookingIds(client, 4)).toEqual([...booked].sort());
    // Only their own: another client's calendar does not show these.
    const other = await signIn('john.doe@example.com');
    expect(await myBookingIds(other, 4)).toEqual(expect.not.arrayContaining([booked[0]]));
  });
});
