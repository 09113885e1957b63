/**
 * Accepting an invitation: the emailed link (single use, expiring) shows what it is for, then
 * sets the person's password, activates them and signs them in.
 */
import { languagesOf, localeFor } from '../../shared/domain/locales.ts';
import { changeContext } from '../lib/change-context.ts';
import type { EntityItem } from 'electrodb';
import { AppError, notFound } from '../../shared/api/errors.ts';
import type { Invitation } from '../../shared/db/entities/invitation.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { database } from './auth-db.ts';
import { activateIdentity, passwordSignIn } from './cognito.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { namesRecord, parseLinkToken, secretMatches } from '../lib/link-token.ts';
import { startSession } from './session.ts';

type InvitationItem = EntityItem<typeof Invitation>;

/**
 * The invitation a link points to, if the link is still good. Unknown or forged links are 404;
 * a link that was used, revoked or has expired is 410, so the page can say what to do.
 */
async function invitationFromLink(token: string): Promise<InvitationItem> {
  const link = parseLinkToken(token);
  if (!link) throw notFound('Invitation');
  const { data: invitation } = await database().entities.invitation.get({ tenantId: link.tenantId, invitationId: link.recordId }).go();
  if (!invitation || !namesRecord(link, invitation.tenantId, invitation.invitationId) || !secretMatches(invitation.secretHash, link.secret))
    throw notFound('Invitation');
  if (invitation.status !== 'pending' || invitation.linkExpiresAt * 1000 < Date.now()) {
    throw new AppError('gone', 'This invitation link has expired or was already used. Ask the firm to send a new one.');
  }
  return invitation;
}

export async function previewInvitation(req: RequestOf<'previewInvitation'>): Promise<ReplyOf<'previewInvitation'>> {
  const invitation = await invitationFromLink(req.query.token);
  const { data: tenant } = await database().entities.tenant.get({ tenantId: invitation.tenantId }).go();
  const firm = tenant ?? { locale: invitation.locale };
  return {
    body: {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      locale: localeFor(firm, invitation.locale),
      firmName: tenant?.name ?? '',
      languages: languagesOf(firm),
      source: invitation.source,
    },
  };
}

export async function acceptInvitation(req: RequestOf<'acceptInvitation'>): Promise<ReplyOf<'acceptInvitation'>> {
  const invitation = await invitationFromLink(req.body.token);
  const { tenantId, invitationId, userId } = invitation;
  await activateIdentity(invitation.email, req.body.password);
  const acceptedAt = new Date().toISOString();
  await commitTransaction(
    database(),
    (entities) => [
      // Single use: only a pending invitation and an invited user can be accepted.
      entities.invitation
        .patch({ tenantId, invitationId })
        .set({ status: 'accepted', acceptedAt })
        .where((a, op) => op.eq(a.status, 'pending'))
        .commit(),
      entities.user
        .patch({ tenantId, userId })
        .set({ status: 'active' })
        .where((a, op) => op.eq(a.status, 'invited'))
        .commit(),
      ...auditAndEvent(entities, changeContext(req, { tenantId, userId, role: invitation.role, name: invitation.name }), {
        action: 'user.joined',
        entityType: 'user',
        entityId: userId,
        changes: [{ field: 'status', from: 'invited', to: 'active' }],
        event: { type: 'user.joined', detail: { userId, invitationId, role: invitation.role, source: invitation.source } },
      }),
    ],
    'This invitation was just accepted.',
  );
  const { reply } = await startSession(await passwordSignIn(invitation.email, req.body.password));
  return { ...reply, status: 201 };
}
