import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Counter } from '../../shared/db/entities/counter.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { RequestActivity } from '../../shared/db/entities/request-activity.ts';
import { Service } from '../../shared/db/entities/service.ts';
import { ServiceRequest } from '../../shared/db/entities/service-request.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { User } from '../../shared/db/entities/user.ts';
import { databaseOf } from '../../shared/db/service.ts';

export const database = databaseOf({
  request: ServiceRequest,
  activity: RequestActivity,
  service: Service,
  user: User,
  counter: Counter,
  tenant: Tenant,
  audit: AuditEntry,
  outbox: OutboxEvent,
});
