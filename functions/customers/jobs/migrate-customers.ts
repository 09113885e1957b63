/**
 * On demand (ADR 0023): every client user without a customer gets one, people of a firm who
 * typed the same company sharing it (shared/domain/customers: the oldest is the primary contact,
 * with full access; the others see their own records, as before), and their requests and
 * bookings get its id. Safe to run again, and alongside itself: a customer's id follows from its
 * company, and each write is conditional on not having been made.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { AppError } from '../../../shared/api/errors.ts';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { CalendarEntry } from '../../../shared/db/entities/calendar-entry.ts';
import { Customer, NO_CUSTOMER, customerOf } from '../../../shared/db/entities/customer.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { ServiceRequest } from '../../../shared/db/entities/service-request.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { allPages } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { SYSTEM_ACTOR } from '../../../shared/domain/audit/actor.ts';
import { groupIntoCustomers, joiningContact, type CustomerGroup } from '../../../shared/domain/customers/customers.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';
import { customerIdFor } from '../own-customer.ts';

const database = databaseOf({
  tenant: Tenant,
  user: User,
  customer: Customer,
  request: ServiceRequest,
  calendar: CalendarEntry,
  audit: AuditEntry,
  outbox: OutboxEvent,
});
const logger = new Logger({ serviceName: 'migrate-customers' });

type Result = { firms: number; customers: number; contacts: number; requests: number; bookings: number };

/** The same company in the same firm always gives the same id, so a second run finds the first one's customer. */
const customerIdOf = (group: CustomerGroup) => customerIdFor(group.key);

const isConflict = (error: unknown) => error instanceof AppError && error.code === 'conflict';

/** Makes the group's customer if it is new, and makes its people its contacts, in one transaction. */
async function assign(tenantId: string, group: CustomerGroup, hasPrimary: boolean, result: Result): Promise<void> {
  const db = database();
  const customerId = customerIdOf(group);
  const { data: existing } = await db.entities.customer.get({ tenantId, customerId }).go();
  try {
    await commitTransaction(db, (entities) => [
      ...(existing ? [] : [entities.customer.create({ tenantId, customerId, name: group.name, kind: group.kind, status: 'active' }).commit()]),
      ...group.contacts.map((userId, i) =>
        entities.user
          .patch({ tenantId, userId })
          .set(joiningContact(customerId, !hasPrimary && i === 0))
          .where((a, op) => `(${op.notExists(a.customerId)} OR ${op.eq(a.customerId, NO_CUSTOMER)})`)
          .commit(),
      ),
      ...auditAndEvent(
        entities,
        { tenantId, actorId: SYSTEM_ACTOR, actorRole: SYSTEM_ACTOR },
        {
          action: existing ? 'customer.contacts_added' : 'customer.created',
          entityType: 'customer',
          entityId: customerId,
          changes: [{ field: 'contacts', from: null, to: group.contacts }],
          event: { type: 'customer.migrated', detail: { customerId, name: group.name, contactIds: group.contacts } },
        },
      ),
    ]);
    result.customers += existing ? 0 : 1;
    result.contacts += group.contacts.length;
  } catch (error) {
    // Another run got there first: its customer stands, and the next run gives the records its id.
    if (!isConflict(error)) throw error;
  }
}

/** A contact's requests and bookings made before customers existed get the customer's id. */
async function stampRecords(tenantId: string, clientId: string, customerId: string, result: Result): Promise<void> {
  const { entities } = database();
  for await (const requests of allPages((cursor) => entities.request.query.byClient({ tenantId, clientId }).go({ cursor, limit: 100 }))) {
    for (const request of requests.filter((r) => !customerOf(r))) {
      await entities.request.patch({ tenantId, requestId: request.requestId }).set({ customerId }).composite({ createdAt: request.createdAt }).go();
      result.requests++;
    }
  }
  for await (const entries of allPages((cursor) => entities.calendar.query.byClient({ tenantId, clientId }).go({ cursor, limit: 100 }))) {
    for (const entry of entries.filter((e) => !customerOf(e))) {
      await entities.calendar.patch({ tenantId, month: entry.month, start: entry.start, bookingId: entry.bookingId }).set({ customerId }).go();
      result.bookings++;
    }
  }
}

async function migrateFirm(tenantId: string, result: Result): Promise<void> {
  const { entities } = database();
  const clients = async () => (await entities.user.query.byRole({ tenantId, role: 'CLIENT' }).go({ pages: 'all' })).data;
  const before = await clients();
  const primaries = new Set(before.filter((c) => customerOf(c) && c.isPrimaryContact).map((c) => c.customerId));
  for (const group of groupIntoCustomers(before.filter((c) => !customerOf(c)))) await assign(tenantId, group, primaries.has(customerIdOf(group)), result);
  for (const client of await clients()) {
    const customerId = customerOf(client);
    if (customerId) await stampRecords(tenantId, client.userId, customerId, result);
  }
}

export async function handler(_event: JobEvent): Promise<JobResult> {
  const result: Result = { firms: 0, customers: 0, contacts: 0, requests: 0, bookings: 0 };
  for await (const firms of allPages((cursor) => database().entities.tenant.query.directory({}).go({ cursor, limit: 100 }))) {
    for (const firm of firms) {
      result.firms++;
      await migrateFirm(firm.tenantId, result);
    }
  }
  logger.info('customers migrated', result);
  return result;
}
