/**
 * Customers: the firm's Clients list (one Query a page on the name index), adding and editing a
 * customer, its contacts' roles and access, its 360° page and timeline, and merging two.
 */
import { appointmentOf, appointmentPage } from '../../lib/appointments.ts';
import { randomUUID } from 'node:crypto';
import { conflict, validationFailed } from '../../../shared/api/errors.ts';
import { CUSTOMERS_OPERATIONS } from '../../../shared/api/operations/customers.ts';
import { CUSTOMERS_SCHEMAS } from '../../../shared/api/schemas/customers.ts';
import { customerOf } from '../../../shared/db/entities/customer.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { queryPage } from '../../../shared/db/pagination.ts';
import { diffFields } from '../../../shared/domain/audit/diff.ts';
import { companyKey } from '../../../shared/domain/customers/customers.ts';
import { customerKpis } from '../../../shared/domain/customers/kpis.ts';
import { isStaff } from '../../../shared/domain/identity/permissions.ts';
import { hasPermission } from '../../../shared/domain/identity/policy.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { customersOfMember, openableCustomer, recordsOf, toCustomerView, type CustomerItem } from '../access.ts';
import { contactsOf, getOrganisation, toContactView, updateColleague, updateContact } from '../contacts.ts';
import { database } from '../db.ts';
import { mergeCustomers } from '../merge.ts';

async function listCustomers(req: RequestOf<'listCustomers'>): Promise<ReplyOf<'listCustomers'>> {
  const { tenantId } = req.actor;
  const { q, status, accountManagerId, tag, limit, cursor } = req.query;
  const { customer, user } = database().entities;
  const byEmail = q?.includes('@');
  const prefix = q && !byEmail ? companyKey(q) : undefined;
  // An address finds its contact's customer.
  const emailCustomer = byEmail ? customerOf((await user.query.byEmail({ tenantId, email: q!.toLowerCase() }).go()).data[0] ?? {}) : undefined;
  const narrowed = (c: CustomerItem) =>
    (!byEmail || c.customerId === emailCustomer) &&
    (!prefix || (c.nameKey ?? '').startsWith(prefix)) &&
    (!status || c.status === status) &&
    (!accountManagerId || c.accountManagerId === accountManagerId) &&
    (!tag || c.tags.includes(tag));
  // A team member's own customers, few enough to narrow here (access.ts).
  if (!hasPermission(req.actor, 'customers.read.all')) {
    const mine = (await customersOfMember(req.actor)).filter(narrowed);
    return { body: { items: mine.map(toCustomerView), nextCursor: null } };
  }
  if (byEmail) {
    const { data: found } = emailCustomer ? await customer.get({ tenantId, customerId: emailCustomer }).go() : { data: null };
    return { body: { items: found && narrowed(found) ? [toCustomerView(found)] : [], nextCursor: null } };
  }
  const byName = customer.query.byName({ tenantId });
  const query = (prefix ? byName.begins({ nameKey: prefix }) : byName).where((a, op) =>
    [status && op.eq(a.status, status), accountManagerId && op.eq(a.accountManagerId, accountManagerId), tag && op.contains(a.tags, tag)]
      .filter(Boolean)
      .join(' AND '),
  );
  return {
    body: await queryPage(cursor, (from) => query.go({ limit, cursor: from }), toCustomerView),
  };
}

/** An account manager must be an active member of the firm's staff. */
async function checkAccountManager(tenantId: string, accountManagerId: string | null | undefined) {
  if (!accountManagerId) return;
  const { data: person } = await database().entities.user.get({ tenantId, userId: accountManagerId }).go();
  if (!person || !isStaff(person.role) || person.status !== 'active')
    throw validationFailed([{ field: 'accountManagerId', message: 'is not an active team member of this firm' }]);
}

/** Empty text is "none": left out, not stored. */
const filled = <T extends object>(fields: T): T => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '' && v !== null && v !== undefined)) as T;

async function createCustomer(req: RequestOf<'createCustomer'>): Promise<ReplyOf<'createCustomer'>> {
  const { tenantId } = req.actor;
  const { accountManagerId, billing, ...fields } = filled(req.body);
  await checkAccountManager(tenantId, accountManagerId);
  const customerId = `cus-${randomUUID()}`;
  const now = new Date().toISOString();
  const item: CustomerItem = {
    tenantId,
    customerId,
    kind: 'business',
    status: 'active',
    tags: [],
    ...fields,
    ...(accountManagerId && { accountManagerId }),
    ...(billing && { billing: filled(billing) }),
    nameKey: companyKey(fields.name),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await commitTransaction(database(), (entities) => [
    entities.customer.create(item).commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'customer.created',
      entityType: 'customer',
      entityId: customerId,
      customerId,
      changes: diffFields({}, toCustomerView(item)),
      event: { type: 'customer.created', detail: { customerId, name: item.name } },
    }),
  ]);
  return { status: 201, body: toCustomerView(item) };
}

async function getCustomer(req: RequestOf<'getCustomer'>): Promise<ReplyOf<'getCustomer'>> {
  const { tenantId } = req.actor;
  const { customerId } = req.params;
  const [records, contacts, { data: firm }] = await Promise.all([
    recordsOf(tenantId, customerId),
    contactsOf(tenantId, customerId),
    database().entities.tenant.get({ tenantId }).go(),
  ]);
  const customer = await openableCustomer(req.actor, customerId, records);
  const zone = firm?.timeZone ?? 'UTC';
  return {
    body: {
      ...toCustomerView(customer),
      contacts: contacts.map(toContactView),
      kpis: { ...customerKpis(records, Date.now(), zone), currency: customer.billing?.currency ?? firm?.currency ?? 'USD' },
    },
  };
}

const stale = (name: string) => `${name} was changed by someone else meanwhile. Reload to see those changes, then try again.`;

/** Text sent empty takes the field away; null takes the account manager away. */
const CLEARABLE = ['industry', 'notes', 'accountManagerId'] as const;

async function updateCustomer(req: RequestOf<'updateCustomer'>): Promise<ReplyOf<'updateCustomer'>> {
  const { tenantId } = req.actor;
  const { version, billing, ...rest } = req.body;
  const fields = { ...rest, ...(billing && { billing: filled(billing) }) };
  const customer = await openableCustomer(req.actor, req.params.customerId);
  await checkAccountManager(tenantId, fields.accountManagerId);
  const cleared = CLEARABLE.filter((f) => f in fields && !fields[f]);
  const set = Object.fromEntries(Object.entries(fields).filter(([f, v]) => v !== undefined && !cleared.includes(f as (typeof CLEARABLE)[number])));
  const next: CustomerItem = { ...customer, ...set, version: customer.version + 1 };
  for (const f of cleared) delete next[f];
  const changes = diffFields(toCustomerView(customer), toCustomerView(next)).filter((c) => !['version', 'updatedAt'].includes(c.field));
  if (!changes.length) return { body: toCustomerView(customer) };
  if (version !== customer.version) throw conflict(stale(customer.name));
  const { customerId } = customer;
  await commitTransaction(
    database(),
    (entities) => [
      entities.customer
        .patch({ tenantId, customerId })
        .set({ ...set, version: next.version })
        .remove(cleared)
        .where((a, op) => op.eq(a.version, version))
        .commit(),
      ...auditAndEvent(entities, changeContext(req), {
        action: 'customer.updated',
        entityType: 'customer',
        entityId: customerId,
        customerId,
        changes,
        event: { type: 'customer.updated', detail: { customerId, fields: changes.map((c) => c.field) } },
      }),
    ],
    stale(customer.name),
  );
  const { data: saved } = await database().entities.customer.get({ tenantId, customerId }).go();
  return { body: toCustomerView(saved ?? next) };
}

async function listCustomerBookings(req: RequestOf<'listCustomerBookings'>): Promise<ReplyOf<'listCustomerBookings'>> {
  const { tenantId } = req.actor;
  const { customerId } = await openableCustomer(req.actor, req.params.customerId);
  const entries = database().entities.calendar.query.byCustomer({ tenantId, customerId });
  return { body: await appointmentPage(entries, req.query, appointmentOf) };
}

async function listCustomerTimeline(req: RequestOf<'listCustomerTimeline'>): Promise<ReplyOf<'listCustomerTimeline'>> {
  const { tenantId } = req.actor;
  const { customerId } = await openableCustomer(req.actor, req.params.customerId);
  const { limit, cursor } = req.query;
  const query = database().entities.audit.query.byCustomer({ tenantId, customerId });
  return {
    body: await queryPage(
      cursor,
      (from) => query.go({ limit, cursor: from, order: 'desc' }),
      (a) => ({
        auditId: a.auditId,
        at: a.at,
        actorName: a.actorName ?? null,
        actorRole: a.actorRole,
        action: a.action,
        entityType: a.entityType,
        entityId: a.entityId,
        changes: (a.changes ?? []).map((c) => ({ field: c.field ?? '', from: c.from, to: c.to })),
      }),
    ),
  };
}

export const handler = contextHandler({
  routes: CUSTOMERS_OPERATIONS,
  schemas: CUSTOMERS_SCHEMAS,
  operations: {
    listCustomers,
    createCustomer,
    getCustomer,
    updateCustomer,
    updateContact,
    listCustomerTimeline,
    listCustomerBookings,
    mergeCustomers,
    getOrganisation,
    updateColleague,
  },
  authenticate: actorFromClaims,
});
