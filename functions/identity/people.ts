/**
 * A person's record, the firm's side: full profile, role and staff profile changes (optimistic,
 * field-level audit), deactivation and reactivation. Never deleted.
 */
import { requireOffered } from '../lib/firm-languages.ts';
import { firmOf } from '../lib/firm.ts';
import type { EntityItem } from 'electrodb';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../shared/api/errors.ts';
import type { UserDetail } from '../../shared/api/schemas/identity.ts';
import type { User } from '../../shared/db/entities/user.ts';
import { customerOf } from '../../shared/db/entities/customer.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { database } from './people-db.ts';
import { diffFields } from '../../shared/domain/audit/diff.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import { changeContext } from '../lib/change-context.ts';
import { moveToRoleGroup, setSignInAllowed, signOutEverywhere } from './cognito.ts';
import type { Handler, ReplyOf, RequestOf, SignedInRequest, WithParams } from '../lib/http.ts';
import { toUserView } from './user-view.ts';

type UserItem = EntityItem<typeof User>;

const toDetail = (u: UserItem): UserDetail => ({
  ...toUserView(u),
  version: u.version,
  ...(u.employeeId && { employeeId: u.employeeId }),
  ...(u.hourlyRate !== undefined && { hourlyRate: u.hourlyRate }),
  ...(u.maxConcurrentProjects !== undefined && { maxConcurrentProjects: u.maxConcurrentProjects }),
  ...(u.hireDate && { hireDate: u.hireDate }),
  ...(u.managerId && { managerId: u.managerId }),
  ...(u.workingHours && { workingHours: u.workingHours as UserDetail['workingHours'] }),
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});

/** The person, in the caller's own firm only: another firm's id is simply not found. */
async function personOf(req: SignedInRequest & WithParams<'userId'>): Promise<UserItem> {
  const { tenantId } = req.actor;
  const { data } = await database().entities.user.get({ tenantId, userId: req.params.userId }).go();
  if (!data) throw notFound('Person');
  return data;
}

/** The platform operator is never changed from inside a firm. */
function protectOperator(actor: AuthenticatedActor, person: UserItem) {
  if (person.role === 'SUPER_ADMIN' && actor.role !== 'SUPER_ADMIN') throw forbidden('The platform operator is not changed from a firm.');
}

/** Nobody locks themselves out: no changing one's own role, no deactivating oneself. */
function notOnYourself(actor: AuthenticatedActor, person: UserItem, message: string) {
  if (person.userId === actor.userId) throw new AppError('unprocessable', message);
}

export async function getUser(req: RequestOf<'getUser'>): Promise<ReplyOf<'getUser'>> {
  return { body: toDetail(await personOf(req)) };
}

export async function updateUser(req: RequestOf<'updateUser'>): Promise<ReplyOf<'updateUser'>> {
  const actor = req.actor;
  const person = await personOf(req);
  const { version, managerId, ...fields } = req.body;
  protectOperator(actor, person);
  if (fields.role && fields.role !== person.role) notOnYourself(actor, person, 'You cannot change your own role.');
  if (fields.locale && fields.locale !== person.locale) requireOffered(await firmOf(actor), fields.locale);
  if (managerId) {
    if (managerId === person.userId) throw validationFailed([{ field: 'managerId', message: 'cannot be the person themselves' }]);
    const { data: manager } = await database().entities.user.get({ tenantId: actor.tenantId, userId: managerId }).go();
    if (!manager || !isStaff(manager.role)) throw validationFailed([{ field: 'managerId', message: 'must be a team member of this firm' }]);
  }
  const changes = { ...fields, ...(managerId !== undefined && { managerId: managerId ?? undefined }) };
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, person[k as keyof UserItem]]));
  const diff = diffFields(before, changes as Record<string, unknown>);
  if (diff.length === 0) return { body: toDetail(person) };

  const key = { tenantId: actor.tenantId, userId: person.userId };
  const cleared = managerId === null ? (['managerId'] as const) : [];
  await commitTransaction(
    database(),
    (entities) => [
      entities.user
        .patch(key)
        .set({ ...(fields as Partial<UserItem>), ...(managerId && { managerId }), version: person.version + 1 })
        .remove([...cleared])
        .where((a, op) => op.eq(a.version, version))
        .commit(),
      ...auditAndEvent(entities, changeContext(req), {
        action: fields.role && fields.role !== person.role ? 'user.role_changed' : 'user.updated',
        entityType: 'user',
        entityId: person.userId,
        changes: diff,
        event: { type: 'user.updated', detail: { userId: person.userId, fields: diff.map((d) => d.field) } },
      }),
    ],
    `${person.name} was changed by someone else meanwhile. Reload to see those changes, then try again.`,
  );
  // The record decides roles; Cognito's groups mirror it, after the change is safely written.
  if (fields.role && fields.role !== person.role) await moveToRoleGroup(person.email, person.role, fields.role);
  const { data: updated } = await database().entities.user.get(key).go();
  return { body: toDetail(updated!) };
}

/** A customer's primary contact leaves only after another active contact takes over (their records stay the customer's either way). */
async function keepsPrimaryContact(person: UserItem) {
  const customerId = customerOf(person);
  if (!customerId || !person.isPrimaryContact) return;
  const { data: contacts } = await database().entities.user.query.byCustomer({ tenantId: person.tenantId, customerId }).go({ pages: 'all' });
  if (contacts.some((c) => c.userId !== person.userId && c.status !== 'deactivated'))
    throw conflict(`${person.name} is their customer’s primary contact. Make another contact primary first, then deactivate them.`);
}

async function setStatus(
  req: RequestOf<'deactivateUser' | 'reactivateUser'>,
  to: 'active' | 'deactivated',
): Promise<ReplyOf<'deactivateUser' | 'reactivateUser'>> {
  const { actor } = req;
  const person = await personOf(req);
  const from = to === 'active' ? 'deactivated' : 'active';
  protectOperator(actor, person);
  if (to === 'deactivated') notOnYourself(actor, person, 'You cannot deactivate yourself.');
  if (person.status !== from) throw conflict(`${person.name} is ${person.status}, not ${from}.`);
  if (to === 'deactivated') await keepsPrimaryContact(person);
  const key = { tenantId: actor.tenantId, userId: person.userId };
  const now = new Date().toISOString();
  await commitTransaction(database(), (entities) => [
    entities.user
      .patch(key)
      // Deactivation ends every session at once; the record, not the token, is asked on each request.
      .set({ status: to, version: person.version + 1, ...(to === 'deactivated' && { tokensValidAfter: now }) })
      .where((a, op) => op.eq(a.status, from))
      .commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: to === 'active' ? 'user.reactivated' : 'user.deactivated',
      entityType: 'user',
      entityId: person.userId,
      customerId: customerOf(person),
      changes: [{ field: 'status', from, to }],
      event: { type: to === 'active' ? 'user.reactivated' : 'user.deactivated', detail: { userId: person.userId } },
    }),
  ]);
  await setSignInAllowed(person.email, to === 'active');
  if (to === 'deactivated') await signOutEverywhere(person.email);
  const { data: updated } = await database().entities.user.get(key).go();
  return { body: toDetail(updated!) };
}

/** The portal emails a person again after SES's feedback stopped it (their mailbox fixed): the address's suppression goes, audited. */
export async function resumeEmail(req: RequestOf<'resumeEmail'>): Promise<ReplyOf<'resumeEmail'>> {
  const person = await personOf(req);
  protectOperator(req.actor, person);
  if (!person.emailProblem) throw conflict(`The portal never stopped emailing ${person.email}.`);
  const key = { tenantId: person.tenantId, userId: person.userId };
  await commitTransaction(database(), (entities) => [
    entities.user
      .patch(key)
      .set({ version: person.version + 1 })
      .remove(['emailProblem', 'emailProblemAt'])
      .where((a, op) => op.eq(a.version, person.version))
      .commit(),
    entities.suppression.delete({ address: person.email }).commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'user.email_resumed',
      entityType: 'user',
      entityId: person.userId,
      customerId: customerOf(person),
      changes: [{ field: 'emailProblem', from: person.emailProblem, to: null }],
      event: { type: 'user.email_resumed', detail: { userId: person.userId } },
    }),
  ]);
  const { data: updated } = await database().entities.user.get(key).go();
  return { body: toDetail(updated!) };
}

export const deactivateUser: Handler<'deactivateUser'> = (req) => setStatus(req, 'deactivated');
export const reactivateUser: Handler<'reactivateUser'> = (req) => setStatus(req, 'active');
