/**
 * Permissions: what each role may do, and extra permissions granted to one person until a date.
 * Grants live on the person's record (read on every request anyway), so a revoke is immediate.
 */
import type { EntityItem } from 'electrodb';
import { randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../../../shared/api/errors.ts';
import type { EventOf } from '../../../shared/events/catalogue.ts';
import { ACCESS_SCHEMAS, type GrantView } from '../../../shared/api/schemas/access.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, type Permission } from '../../../shared/domain/identity/permissions.ts';
import { hasPermission } from '../../../shared/domain/identity/policy.ts';
import { PLATFORM_TENANT_ID } from '../../../shared/domain/platform/firms.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf, type SignedInRequest, type WithParams } from '../../lib/http.ts';
import { ACCESS_OPERATIONS } from '../../../shared/api/operations/access.ts';

const database = databaseOf({ user: User, tenant: Tenant, audit: AuditEntry, outbox: OutboxEvent });

type Grant = NonNullable<EntityItem<typeof User>['grants']>[number];
const MAX_GRANTS = 20;

const toView = (g: Grant): GrantView => ({ ...g, permission: g.permission as Permission, active: Date.parse(g.expiresAt) > Date.now() });

async function personOf(req: SignedInRequest & WithParams<'userId'>) {
  const { tenantId } = req.actor;
  const { data } = await database().entities.user.get({ tenantId, userId: req.params.userId }).go();
  if (!data) throw notFound('Person');
  return data;
}

/** Writes the new grant list with its audit entry; a concurrent change to the person is a 409. */
async function saveGrants(
  req: SignedInRequest,
  person: EntityItem<typeof User>,
  grants: Grant[],
  action: EventOf<'permission'>,
  change: { from: string | null; to: string | null },
) {
  const key = { tenantId: person.tenantId, userId: person.userId };
  await commitTransaction(
    database(),
    (entities) => [
      entities.user
        .patch(key)
        .set({ grants, version: person.version + 1 })
        .where((a, op) => op.eq(a.version, person.version))
        .commit(),
      ...auditAndEvent(entities, changeContext(req), {
        action,
        entityType: 'user',
        entityId: person.userId,
        changes: [{ field: 'grants', ...change }],
        event: { type: action, detail: { userId: person.userId } },
      }),
    ],
    `${person.name} was changed by someone else meanwhile. Try again.`,
  );
}

/** A firm sees its own roles and permissions; the platform's operator role and power are the platform's alone. */
async function listRoleDefinitions(req: RequestOf<'listRoleDefinitions'>): Promise<ReplyOf<'listRoleDefinitions'>> {
  const platform = req.actor.tenantId === PLATFORM_TENANT_ID;
  const permissions = PERMISSIONS.filter((p) => platform || p !== 'platform.manage');
  const roles = ROLES.filter((r) => platform || r !== 'SUPER_ADMIN');
  return { body: { permissions, roles: roles.map((role) => ({ role, permissions: ROLE_PERMISSIONS[role].filter((p) => permissions.includes(p)) })) } };
}

async function listGrants(req: RequestOf<'listGrants'>): Promise<ReplyOf<'listGrants'>> {
  const person = await personOf(req);
  return { body: { items: (person.grants ?? []).map(toView) } };
}

async function createGrant(req: RequestOf<'createGrant'>): Promise<ReplyOf<'createGrant'>> {
  const actor = req.actor;
  const person = await personOf(req);
  const { permission } = req.body;
  const expiresAt = new Date(req.body.expiresAt).toISOString();
  if (person.userId === actor.userId) throw new AppError('unprocessable', 'You cannot grant permissions to yourself.');
  if (person.role === 'SUPER_ADMIN') throw forbidden('The platform operator is not changed from a firm.');
  // Nobody hands out more than they hold.
  if (!hasPermission(actor, permission)) throw forbidden(`You do not hold ${permission}, so you cannot grant it.`);
  if (ROLE_PERMISSIONS[person.role].includes(permission)) throw new AppError('unprocessable', `${person.name} already has ${permission} through their role.`);
  // Expired grants are dropped from the record; the audit log keeps their history.
  const current = (person.grants ?? []).filter((g) => Date.parse(g.expiresAt) > Date.now() && g.permission !== permission);
  if (current.length >= MAX_GRANTS) throw new AppError('unprocessable', `At most ${MAX_GRANTS} grants per person.`);
  const grant: Grant = { grantId: randomUUID(), permission, expiresAt, grantedBy: actor.userId, grantedAt: new Date().toISOString() };
  await saveGrants(req, person, [...current, grant], 'permission.granted', { from: null, to: `${permission} until ${expiresAt}` });
  return { status: 201, body: toView(grant) };
}

async function revokeGrant(req: RequestOf<'revokeGrant'>): Promise<ReplyOf<'revokeGrant'>> {
  const person = await personOf(req);
  const grant = (person.grants ?? []).find((g) => g.grantId === req.params.grantId);
  if (!grant) throw notFound('Grant');
  const rest = (person.grants ?? []).filter((g) => g.grantId !== grant.grantId);
  await saveGrants(req, person, rest, 'permission.revoked', { from: `${grant.permission} until ${grant.expiresAt}`, to: null });
  return {};
}

async function firmOf(req: SignedInRequest) {
  const { data } = await database().entities.tenant.get({ tenantId: req.actor.tenantId }).go();
  if (!data) throw notFound('Firm');
  return data;
}

const policyView = (firm: EntityItem<typeof Tenant>) => ({
  clientSignUp: firm.clientSignUp,
  requireMfa: firm.requireMfa === true,
  // Firms from before the setting have none stored: its default.
  contactsInvite: firm.contactsInvite !== false,
  signUpPath: `/register/?firm=${firm.slug}`,
});

async function getAccessPolicy(req: RequestOf<'getAccessPolicy'>): Promise<ReplyOf<'getAccessPolicy'>> {
  return { body: policyView(await firmOf(req)) };
}

async function updateAccessPolicy(req: RequestOf<'updateAccessPolicy'>): Promise<ReplyOf<'updateAccessPolicy'>> {
  const actor = req.actor;
  const firm = await firmOf(req);
  const before = policyView(firm);
  const after = { ...before, ...req.body };
  // Requiring it of everyone starts with oneself: otherwise the admin is shut out mid-change.
  if (after.requireMfa && !before.requireMfa) {
    const { data: me } = await database().entities.user.get({ tenantId: actor.tenantId, userId: actor.userId }).go();
    if (!me?.mfaEnabled) throw new AppError('unprocessable', 'Turn on two-step sign-in for yourself first (Account page), then require it of everyone.');
  }
  const changes = (['clientSignUp', 'requireMfa', 'contactsInvite'] as const)
    .filter((f) => before[f] !== after[f])
    .map((field) => ({ field, from: before[field], to: after[field] }));
  if (changes.length) {
    await commitTransaction(database(), (entities) => [
      entities.tenant
        .patch({ tenantId: actor.tenantId })
        .set({ clientSignUp: after.clientSignUp, requireMfa: after.requireMfa, contactsInvite: after.contactsInvite })
        .commit(),
      ...auditAndEvent(entities, changeContext(req), { action: 'firm.access_policy_changed', entityType: 'firm', entityId: actor.tenantId, changes }),
    ]);
  }
  return { body: after };
}

export const handler = contextHandler({
  routes: ACCESS_OPERATIONS,
  schemas: ACCESS_SCHEMAS,
  operations: { listRoleDefinitions, listGrants, createGrant, revokeGrant, getAccessPolicy, updateAccessPolicy },
  authenticate: actorFromClaims,
});
