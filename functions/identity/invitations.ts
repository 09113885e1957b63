/**
 * Invitations, the firm's side: an admin invites a team member or client by email, sees the
 * invitations and sends one again. The emailed link is made by the notifier; accepting it is
 * auth's (functions/identity/accept-invitation.ts).
 */
import { requireOffered } from '../lib/firm-languages.ts';
import { DEFAULT_LOCALE } from '../../shared/domain/locales.ts';
import { changeContext } from '../lib/change-context.ts';
import type { EntityItem } from 'electrodb';
import { randomUUID } from 'node:crypto';
import { conflict, forbidden, notFound, validationFailed } from '../../shared/api/errors.ts';
import type { InvitationView } from '../../shared/api/schemas/identity.ts';
import type { Invitation } from '../../shared/db/entities/invitation.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { queryPage } from '../../shared/db/pagination.ts';
import { database } from './people-db.ts';
import { INVITATION_LINK_DAYS } from '../../shared/domain/identity/links.ts';
import { claimable } from '../../shared/domain/identity/guests.ts';
import type { ReplyOf, RequestOf, SignedInRequest } from '../lib/http.ts';
import { createInvitedIdentity, findIdentity } from './cognito.ts';
import { customerCreated, ownCustomer } from '../customers/own-customer.ts';
import { accessOf } from '../../shared/domain/customers/customers.ts';

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

/**
 * What a client invited into an existing customer becomes there: its primary contact (with full
 * access) if it has no active one yet, otherwise a contact with the role and access chosen
 * (by default staff who see their own records). Also what the transaction must check: that
 * nobody else became its primary meanwhile.
 */
async function joiningExisting(tenantId: string, body: InvitationInput) {
  const { customerId, role } = body;
  if (!customerId) return undefined;
  if (role !== 'CLIENT') throw validationFailed([{ field: 'customerId', message: 'is only for clients: team members belong to the firm' }]);
  const { entities } = database();
  const [{ data: customer }, { data: contacts }] = await Promise.all([
    entities.customer.get({ tenantId, customerId }).go(),
    entities.user.query.byCustomer({ tenantId, customerId }).go({ pages: 'all' }),
  ]);
  if (!customer) throw validationFailed([{ field: 'customerId', message: 'is not a customer of this firm' }]);
  const primary = !contacts.some((c) => c.isPrimaryContact && c.status !== 'deactivated');
  return {
    customer,
    contact: {
      customerId,
      isPrimaryContact: primary,
      contactRole: body.contactRole ?? (primary ? 'owner' : 'staff'),
      // The primary contact sees everything whatever was asked (accessOf).
      contactAccess: accessOf({ isPrimaryContact: primary, access: body.contactAccess ?? 'own' }),
    } as const,
  };
}

type InvitationInput = RequestOf<'createInvitation'>['body'];

export async function createInvitation(req: RequestOf<'createInvitation'>): Promise<ReplyOf<'createInvitation'>> {
  const { role } = req.body;
  if (role === 'ADMIN' && req.actor.role !== 'ADMIN' && req.actor.role !== 'SUPER_ADMIN') throw forbidden('Only admins can invite admins.');
  return { status: 201, body: await invite(req, req.body) };
}

/** A customer's primary contact invites a colleague into it, with the access they choose, if the firm allows it. */
export async function inviteColleague(req: RequestOf<'inviteColleague'>): Promise<ReplyOf<'inviteColleague'>> {
  const { contact, tenantId } = req.actor;
  if (!contact?.isPrimaryContact) throw forbidden('Only your organisation’s primary contact can invite colleagues.');
  const { data: firm } = await database().entities.tenant.get({ tenantId }).go();
  if (firm?.contactsInvite === false) throw forbidden(`${firm.name} adds your colleagues itself. Ask the firm to invite them.`);
  return { status: 201, body: await invite(req, { ...req.body, role: 'CLIENT', customerId: contact.customerId }) };
}

async function invite(req: SignedInRequest, body: InvitationInput): Promise<InvitationView> {
  const actor = req.actor;
  const { email, name, role } = body;
  const joining = await joiningExisting(actor.tenantId, body);
  const db = database();
  const [{ data: members }, { data: tenant }] = await Promise.all([
    db.entities.user.query.byEmail({ tenantId: actor.tenantId, email }).go({ limit: 1 }),
    db.entities.tenant.get({ tenantId: actor.tenantId }).go(),
  ]);
  if (tenant) requireOffered(tenant, body.locale);
  const [member] = members;
  // A guest's account (made with a booking) is claimed, so their bookings stay theirs (ADR 0012).
  const guest = member && claimable(member, await findIdentity(email)) ? member : undefined;
  if (member && !guest) throw conflict(`${email} is already a member of this firm.`);
  if (guest && role !== 'CLIENT') throw conflict(`${email} is a client of this firm (from a booking): invite them as a client.`);
  if (guest && joining)
    throw conflict(
      `${email} is a client of this firm already, with a customer of their own (from a booking). Merge that customer into ${joining.customer.name} instead.`,
    );
  // An address that signs in with another firm is answered like any other (see Invitation.elsewhere).
  const identity = await createInvitedIdentity(email, actor.tenantId, role, guest?.userId);
  const userId = identity ?? randomUUID();
  const invitation: InvitationItem = {
    tenantId: actor.tenantId,
    invitationId: randomUUID(),
    userId,
    email,
    name,
    role,
    locale: body.locale ?? tenant?.locale ?? DEFAULT_LOCALE,
    invitedBy: actor.userId,
    source: 'firm',
    status: 'pending',
    linkExpiresAt: linkExpiry(),
    createdAt: new Date().toISOString(),
    ...(identity === undefined && { elsewhere: true }),
  };
  // A client invited afresh starts a customer of their own (a guest keeps the one their booking made).
  const own = !guest && !joining && role === 'CLIENT' ? ownCustomer(actor.tenantId, { userId, name }) : undefined;
  const contact = joining?.contact ?? own?.contact;
  await commitTransaction(
    db,
    (entities) => [
      // The creates are conditional: a concurrent invitation of the same person fails whole.
      guest
        ? entities.user
            .patch({ tenantId: actor.tenantId, userId })
            .set({ name, locale: invitation.locale })
            .where((a, op) => op.eq(a.status, 'invited'))
            .commit()
        : entities.user.create({ tenantId: actor.tenantId, userId, email, name, role, status: 'invited', locale: invitation.locale, ...contact }).commit(),
      ...(own ? [entities.customer.create(own.customer).commit(), ...auditAndEvent(entities, changeContext(req), customerCreated(own.customer))] : []),
      // Two first contacts invited at once would both be primary: the customer's version lets one through.
      ...(joining?.contact.isPrimaryContact
        ? [
            entities.customer
              .patch({ tenantId: actor.tenantId, customerId: joining.customer.customerId })
              .set({ version: joining.customer.version + 1 })
              .where((a, op) => op.eq(a.version, joining.customer.version))
              .commit(),
          ]
        : []),
      entities.invitation.create(invitation).commit(),
      ...auditAndEvent(entities, changeContext(req), {
        action: 'user.invited',
        entityType: 'user',
        entityId: userId,
        customerId: contact?.customerId,
        changes: [
          { field: 'status', from: null, to: 'invited' },
          { field: 'role', from: null, to: role },
          ...(joining ? [{ field: 'contactAccess', from: null, to: joining.contact.contactAccess }] : []),
        ],
        event: { type: 'user.invited', detail: { invitationId: invitation.invitationId, userId, role } },
      }),
    ],
    `${email} was invited a moment ago.`,
  );
  return toView(invitation);
}

export async function listInvitations(req: RequestOf<'listInvitations'>): Promise<ReplyOf<'listInvitations'>> {
  const { tenantId } = req.actor;
  const { limit, cursor } = req.query;
  return {
    body: await queryPage(cursor, (from) => database().entities.invitation.query.byCreated({ tenantId }).go({ limit, cursor: from, order: 'desc' }), toView),
  };
}

/** What an admin can send (again), with a new link. */
const SENDABLE: readonly InvitationItem['status'][] = ['pending', 'expired', 'unsent'];

export async function resendInvitation(req: RequestOf<'resendInvitation'>): Promise<ReplyOf<'resendInvitation'>> {
  const { tenantId } = req.actor;
  const invitationId = req.params.invitationId;
  const db = database();
  const { data: invitation } = await db.entities.invitation.get({ tenantId, invitationId }).go();
  if (!invitation) throw notFound('Invitation');
  if (!SENDABLE.includes(invitation.status)) throw conflict(`This invitation was already ${invitation.status}.`);
  const linkExpiresAt = linkExpiry();
  await commitTransaction(db, (entities) => [
    entities.invitation
      .patch({ tenantId, invitationId })
      .set({ status: 'pending', linkExpiresAt })
      .where((a, op) => SENDABLE.map((status) => op.eq(a.status, status)).join(' OR '))
      .commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'user.invitation_resent',
      entityType: 'user',
      entityId: invitation.userId,
      event: { type: 'user.invitation_resent', detail: { invitationId, userId: invitation.userId } },
    }),
  ]);
  return { body: toView({ ...invitation, status: 'pending', linkExpiresAt }) };
}
