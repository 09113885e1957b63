/**
 * What a sign-up does, after it was answered (ADR 0017): run by the accounts consumer from the
 * `auth.signup_asked` event, so the answer takes as long for any address. At most one email a
 * minute per firm and address. An address that has an account is told so by email (the
 * `auth.signup_existing` event); a new one, or a guest's account (ADR 0012), gets a sign-in
 * identity and the invitation that confirms the address.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Invitation } from '../../shared/db/entities/invitation.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { SignInGuard } from '../../shared/db/entities/sign-in-guard.ts';
import { Customer } from '../../shared/db/entities/customer.ts';
import { User } from '../../shared/db/entities/user.ts';
import { auditAndEvent, commitTransaction, type ChangeContext } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { ANONYMOUS_ACTOR } from '../../shared/domain/audit/actor.ts';
import { claimable } from '../../shared/domain/identity/guests.ts';
import { INVITATION_LINK_DAYS } from '../../shared/domain/identity/links.ts';
import type { Locale } from '../../shared/domain/locales.ts';
import { createInvitedIdentity, findIdentity } from './cognito.ts';
import { customerCreated, ownCustomer } from '../customers/own-customer.ts';

const database = databaseOf({ user: User, customer: Customer, invitation: Invitation, signInGuard: SignInGuard, audit: AuditEntry, outbox: OutboxEvent });

const EMAILS_EVERY_SECONDS = 60;

export interface SignUpAsked {
  tenantId: string;
  name: string;
  email: string;
  locale: Locale;
  ip?: string | undefined;
  userAgent?: string | undefined;
}

/** At most one sign-up email a minute per firm and address: a conditional put of a short-lived marker. */
async function mayEmail(tenantId: string, email: string): Promise<boolean> {
  const now = Math.floor(Date.now() / 1000);
  const subject = createHash('sha256').update(`${tenantId}:${email}`).digest('hex');
  return database()
    .entities.signInGuard.put({ scope: 'signup', subject, failures: 0, expiresAt: now + EMAILS_EVERY_SECONDS })
    .where((a, op) => `${op.notExists(a.subject)} OR ${op.lt(a.expiresAt, now)}`)
    .go()
    .then(() => true)
    .catch((e: unknown) => {
      if (e instanceof Error && /conditional/i.test(e.message)) return false;
      throw e;
    });
}

export async function recordSignUp(asked: SignUpAsked): Promise<void> {
  const { tenantId, name, email, locale } = asked;
  if (!(await mayEmail(tenantId, email))) return;
  const db = database();
  const as = (userId: string, role: string, who?: string): ChangeContext => ({
    tenantId,
    actorId: userId,
    actorRole: role,
    ...(who && { actorName: who }),
    ip: asked.ip,
    userAgent: asked.userAgent,
  });
  const [
    identity,
    {
      data: [member],
    },
  ] = await Promise.all([findIdentity(email), db.entities.user.query.byEmail({ tenantId, email }).go({ limit: 1 })]);
  // A guest's account (made with a booking) is claimed, so their bookings stay theirs (ADR 0012).
  const guest = member && claimable(member, identity) ? member : undefined;
  // An identity of this firm with no user record is what a failed earlier attempt left: reused below.
  const leftOver = identity?.tenantId === tenantId && !member;
  if (!guest && (member || (identity && !leftOver))) {
    // Whoever owns the address is told (and may sign in or reset); the form learned nothing.
    await commitTransaction(db, (entities) =>
      auditAndEvent(entities, as(ANONYMOUS_ACTOR, ANONYMOUS_ACTOR), {
        action: 'auth.signup_existing',
        entityType: 'email',
        entityId: email,
        event: { type: 'auth.signup_existing', detail: { email, locale } },
      }),
    );
    return;
  }

  const userId = await createInvitedIdentity(email, tenantId, 'CLIENT', guest?.userId);
  // Taken by another firm since the check above: nothing to do, as for any address with an account.
  if (userId === undefined) return;
  const invitationId = randomUUID();
  // A guest has the customer their first booking made; anyone else starts a customer of their own.
  const own = guest ? undefined : ownCustomer(tenantId, { userId, name });
  await commitTransaction(
    db,
    (entities) => [
      own
        ? entities.user.create({ tenantId, userId, email, name, role: 'CLIENT', status: 'invited', locale, ...own.contact }).commit()
        : entities.user
            .patch({ tenantId, userId })
            .set({ name, locale })
            .where((a, op) => op.eq(a.status, 'invited'))
            .commit(),
      ...(own ? [entities.customer.create(own.customer).commit(), ...auditAndEvent(entities, as(userId, 'CLIENT', name), customerCreated(own.customer))] : []),
      entities.invitation
        .create({
          tenantId,
          invitationId,
          userId,
          email,
          name,
          role: 'CLIENT',
          locale,
          invitedBy: userId,
          source: 'self',
          status: 'pending',
          linkExpiresAt: Math.floor(Date.now() / 1000) + INVITATION_LINK_DAYS * 24 * 3600,
        })
        .commit(),
      ...auditAndEvent(entities, as(userId, 'CLIENT', name), {
        action: 'user.signed_up',
        entityType: 'user',
        entityId: userId,
        changes: [
          { field: 'status', from: null, to: 'invited' },
          { field: 'role', from: null, to: 'CLIENT' },
        ],
        event: { type: 'user.signed_up', detail: { invitationId, userId, role: 'CLIENT' } },
      }),
    ],
    `${email} signed up a moment ago.`,
  );
}
