/**
 * Client self-sign-up. The form takes a name and an email; the emailed link (the invitation
 * machinery, source 'self') proves the address and is where the password is chosen, so nobody
 * can pre-register someone else's address with a password they know. The answer is the same
 * whether or not the address already has an account; that owner gets an email saying so.
 */
import { createHash, randomUUID } from 'node:crypto';
import { forbidden, notFound } from '../../shared/api/errors.ts';
import { SIGNUP_OPERATIONS } from '../../shared/api/operations/signup.ts';
import { SIGNUP_SCHEMAS } from '../../shared/api/schemas/signup.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Invitation } from '../../shared/db/entities/invitation.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { SignInGuard } from '../../shared/db/entities/sign-in-guard.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { User } from '../../shared/db/entities/user.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { ANONYMOUS_ACTOR } from '../../shared/domain/audit/actor.ts';
import { claimable } from '../../shared/domain/identity/guests.ts';
import { INVITATION_LINK_DAYS } from '../../shared/domain/identity/links.ts';
import { changeContext } from '../lib/change-context.ts';
import { createInvitedIdentity, findIdentity } from '../lib/cognito.ts';
import { contextHandler, type Reply, type Request } from '../lib/http.ts';

const database = databaseOf({ tenant: Tenant, user: User, invitation: Invitation, signInGuard: SignInGuard, audit: AuditEntry, outbox: OutboxEvent });

const EMAILS_EVERY_SECONDS = 60;

async function firmBySlug(slug: string) {
  const { data } = await database().entities.tenant.query.bySlug({ slug: slug.toLowerCase() }).go({ limit: 1 });
  const tenant = data[0];
  if (!tenant || tenant.status !== 'active') throw notFound('Firm');
  return tenant;
}

async function getSignUpFirm(req: Request): Promise<Reply> {
  const tenant = await firmBySlug(req.params.firmSlug!);
  return { body: { slug: tenant.slug, name: tenant.name, clientSignUp: tenant.clientSignUp } };
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

async function signUp(req: Request<{ name: string; email: string; locale?: 'en' | 'ar' | 'hi' }>): Promise<Reply> {
  const tenant = await firmBySlug(req.params.firmSlug!);
  if (!tenant.clientSignUp) throw forbidden(`${tenant.name} does not take sign-ups online. Ask the firm for an invitation.`);
  const { name, email } = req.body;
  const accepted: Reply = { status: 202, body: { email } };
  const { tenantId } = tenant;
  if (!(await mayEmail(tenantId, email))) return accepted;

  const locale = req.body.locale ?? tenant.locale;
  const db = database();
  const [identity, { data: [member] }] = await Promise.all([findIdentity(email), db.entities.user.query.byEmail({ tenantId, email }).go({ limit: 1 })]);
  // A guest's account (made with a booking) is claimed, so their bookings stay theirs (ADR 0012).
  const guest = member && claimable(member, identity) ? member : undefined;
  // An identity of this firm with no user record is what a failed earlier attempt left: reused below.
  const leftOver = identity?.tenantId === tenantId && !member;
  if (!guest && (member || (identity && !leftOver))) {
    // Whoever owns the address is told (and may sign in or reset); the form learns nothing.
    await commitTransaction(db, (entities) =>
      auditAndEvent(entities, changeContext(req, { tenantId, userId: ANONYMOUS_ACTOR, role: ANONYMOUS_ACTOR }), {
        action: 'auth.signup_existing',
        entityType: 'email',
        entityId: email,
        event: { type: 'auth.signup_existing', detail: { email, locale } },
      }),
    );
    return accepted;
  }

  const userId = await createInvitedIdentity(email, tenantId, 'CLIENT', guest?.userId);
  // Taken by another firm since the check above: the same answer as any sign-up.
  if (userId === undefined) return accepted;
  const invitationId = randomUUID();
  await commitTransaction(
    db,
    (entities) => [
      guest
        ? entities.user.patch({ tenantId, userId }).set({ name, locale }).where((a, op) => op.eq(a.status, 'invited')).commit()
        : entities.user.create({ tenantId, userId, email, name, role: 'CLIENT', status: 'invited', locale }).commit(),
      entities.invitation
        .create({ tenantId, invitationId, userId, email, name, role: 'CLIENT', locale, invitedBy: userId, source: 'self', status: 'pending', linkExpiresAt: Math.floor(Date.now() / 1000) + INVITATION_LINK_DAYS * 24 * 3600 })
        .commit(),
      ...auditAndEvent(entities, changeContext(req, { tenantId, userId, role: 'CLIENT', name }), {
        action: 'user.signed_up',
        entityType: 'user',
        entityId: userId,
        changes: [{ field: 'status', from: null, to: 'invited' }, { field: 'role', from: null, to: 'CLIENT' }],
        event: { type: 'user.signed_up', detail: { invitationId, userId, role: 'CLIENT' } },
      }),
    ],
    `${email} signed up a moment ago.`,
  );
  return accepted;
}

export const handler = contextHandler({ routes: SIGNUP_OPERATIONS, schemas: SIGNUP_SCHEMAS, operations: { getSignUpFirm, signUp } });
