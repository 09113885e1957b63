import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Counter } from '../../shared/db/entities/counter.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { PromoCode } from '../../shared/db/entities/promo-code.ts';
import { Service } from '../../shared/db/entities/service.ts';
import { TaskTemplate } from '../../shared/db/entities/task-template.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { databaseOf } from '../../shared/db/service.ts';

export const database = databaseOf({
  service: Service,
  tenant: Tenant,
  template: TaskTemplate,
  counter: Counter,
  promo: PromoCode,
  audit: AuditEntry,
  outbox: OutboxEvent,
});
