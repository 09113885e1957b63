import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { CalendarEntry } from '../../shared/db/entities/calendar-entry.ts';
import { Customer } from '../../shared/db/entities/customer.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { ServiceRequest } from '../../shared/db/entities/service-request.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { User } from '../../shared/db/entities/user.ts';
import { databaseOf } from '../../shared/db/service.ts';

/** What the customers routes read and write: customers, their contacts and records, and the firm's zone and currency. */
export const database = databaseOf({
  customer: Customer,
  user: User,
  request: ServiceRequest,
  calendar: CalendarEntry,
  tenant: Tenant,
  audit: AuditEntry,
  outbox: OutboxEvent,
});
