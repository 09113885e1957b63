/**
 * Invitations: an admin invites a team member or client by email; the emailed link (single
 * use, expiring; made by the notifier) lets them choose a password and lands them in their portal.
 */
import type { EntityItem } from 'electrodb';
import { randomUUID } from 'node:crypto';
import { AppError, conflict, forbidden, notFound } from '../../shared/api/errors.ts';
import type { InvitationView } from '../../shared/api/schemas/identity.ts';
import type { Invitation } from '../../shared/db/entities/invitation.ts';
import { auditAndEvent, commitTransaction, type ChangeContext } from '../../shared/db/mutation.ts';
import { queryPage } from '../../shared/db/pagination.ts';
import { database } from '../../shared/db/service.ts';
import { INVITATION_LINK_DAYS } from '../../shared/domain/identity/links.ts';
import type { Role } from '../../shared/domain/identity/permissions.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import type { Reply, Request } from '../lib/http.ts';
import { parseLinkToken, secretMatches } from '../lib/link-token.ts';
import { activateIdentity, createInvitedIdentity, passwordSignIn } from './cognito.ts';
import { startSession } from './session.ts';

type InvitationItem = EntityItem<typeof Invitation>;

const linkExpiry = () => Math.floor(Date.now() / 1000) + INVITATION_LINK_DAYS * 24 * 3600;

const toView = (i: InvitationItem): InvitationView => ({
  invitationId: i.invitationId,
  userId: i.userId,
  email: i.email,
  name: i.name,
  role: i.role,
  locale: i.locale,
  status: i.status,
  expiresAt: new Date(i.linkExpiresAt * 1000).toISOString(),
  createdAt: i.createdAt,
});

const changeContext = (req: Request): ChangeContext => {
  const actor = req.actor as AuthenticatedActor;
  return { tenantId: actor.tenantId, actorId: actor.userId, actorRole: actor.role, ip: req.ip, userAgent: req.userAgent };
};

export async function createInvitation(req: Request<{ email: string; name: string; role: Role; locale?: 'en' | 'ar' | 'hi' }>): Promise<Reply> {
  const actor = req.actor as AuthenticatedActor;
  const { email, name, role } = req.body;
  if (role === 'ADMIN' && actor.role !== 'ADMIN' && actor.role !== 'SUPER_ADMIN') throw forbidden('Only admins can invite admins.');
  const db = database();
  const [{ data: members }, { data: tenant }] = await Promise.all([
    db.entities.user.query.byEmail({ tenantId: actor.tenantId, email }).go({ limit: 1 }),
    db.entities.tenant.get({ tenantId: actor.tenantId }).go(),
  ]);
  if (members.length) throw conflict(`${email} is already a member of this firm.`);
  const userId = await createInvitedIdentity(email, actor.tenantId, role);
  const invitation: InvitationItem = {
    tenantId: actor.tenantId,
    invitationId: randomUUID(),
    userId,
    email,
    name,
    role,
    locale: req.body.locale ?? tenant?.locale ?? 'en',
    invitedBy: actor.userId,
    status: 'pending',
    linkExpiresAt: linkExpiry(),
    createdAt: new Date().toISOString(),
  };
  await commitTransaction(
    db,
    (entities) => [
      // Both creates are conditional: a concurrent invitation of the same person fails whole.
      entities.user.create({ tenantId: actor.tenantId, userId, email, name, role, status: 'invited', locale: invitation.locale }).commit(),
      entities.invitation.create(invitation).commit(),
      ...auditAndEvent(entities, changeContext(req), {
        action: 'user.invited',
        entityType: 'user',
        entityId: userId,
        changes: [{ field: 'status', from: null, to: 'invited' }, { field: 'role', from: null, to: role }],
        event: { type: 'user.invited', detail: { invitationId: invitation.invitationId, userId, role } },
      }),
    ],
    `${email} was invited a moment ago.`,
  );
  return { status: 201, body: toView(invitation) };
}

export async function listInvitations(req: Request<unknown, { limit: number; cursor?: string }>): Promise<Reply> {
  const { tenantId } = req.actor as AuthenticatedActor;
  const { limit, cursor } = req.query;
  return { body: await queryPage(cursor, (from) => database().entities.invitation.query.byTenant({ tenantId }).go({ limit, cursor: from, order: 'desc' }), toView) };
}

export async function resendInvitation(req: Request): Promise<Reply> {
  const { tenantId } = req.actor as AuthenticatedActor;
  const invitationId = req.params.invitationId!;
  const db = database();
  const { data: invitation } = await db.entities.invitation.get({ tenantId, invitationId }).go();
  if (!invitation) throw notFound('Invitation');
  if (invitation.status !== 'pending') throw conflict(`This invitation was already ${invitation.status}.`);
  const linkExpiresAt = linkExpiry();
  await commitTransaction(db, (entities) => [
    entities.invitation.patch({ tenantId, invitationId }).set({ linkExpiresAt }).where((a, op) => op.eq(a.status, 'pending')).commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'user.invitation_resent',
      entityType: 'user',
      entityId: invitation.userId,
      event: { type: 'user.invitation_resent', detail: { invitationId, userId: invitation.userId } },
    }),
  ]);
  return { body: toView({ ...invitation, linkExpiresAt }) };
}

/**
 * The invitation a link points to, if the link is still good. Unknown or forged links are 404;
 * a link that was used, revoked or has expired is 410, so the page can say what to do.
 */
async function invitationFromLink(token: string): Promise<InvitationItem> {
  const link = parseLinkToken(token);
  if (!link) throw notFound('Invitation');
  const { data: invitation } = await database().entities.invitation.get({ tenantId: link.tenantId, invitationId: link.recordId }).go();
  if (!invitation || !secretMatches(invitation.secretHash, link.secret)) throw notFound('Invitation');
  if (invitation.status !== 'pending' || invitation.linkExpiresAt * 1000 < Date.now()) {
    throw new AppError('gone', 'This invitation link has expired or was already used. Ask the firm to send a new one.');
  }
  return invitation;
}

export async function previewInvitation(req: Request<unknown, { token: string }>): Promise<Reply> {
  const invitation = await invitationFromLink(req.query.token);
  const { data: tenant } = await database().entities.tenant.get({ tenantId: invitation.tenantId }).go();
  return { body: { email: invitation.email, name: invitation.name, role: invitation.role, locale: invitation.locale, firmName: tenant?.name ?? '' } };
}

export async function acceptInvitation(req: Request<{ token: string; password: string }>): Promise<Reply> {
  const invitation = await invitationFromLink(req.body.token);
  const { tenantId, invitationId, userId } = invitation;
  await activateIdentity(invitation.email, req.body.password);
  const acceptedAt = new Date().toISOString();
  await commitTransaction(
    database(),
    (entities) => [
      // Single use: only a pending invitation and an invited user can be accepted.
      entities.invitation.patch({ tenantId, invitationId }).set({ status: 'accepted', acceptedAt }).where((a, op) => op.eq(a.status, 'pending')).commit(),
      entities.user.patch({ tenantId, userId }).set({ status: 'active' }).where((a, op) => op.eq(a.status, 'invited')).commit(),
      ...auditAndEvent(entities, { tenantId, actorId: userId, actorRole: invitation.role, ip: req.ip, userAgent: req.userAgent }, {
        action: 'user.joined',
        entityType: 'user',
        entityId: userId,
        changes: [{ field: 'status', from: 'invited', to: 'active' }],
        event: { type: 'user.joined', detail: { userId, invitationId, role: invitation.role } },
      }),
    ],
    'This invitation was just accepted.',
  );
  const { reply } = await startSession(await passwordSignIn(invitation.email, req.body.password));
  return { ...reply, status: 201 };
}
