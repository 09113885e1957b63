import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { KpiCounter } from '../../shared/db/entities/kpi-counter.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { RequestExport } from '../../shared/db/entities/request-export.ts';
import { Service } from '../../shared/db/entities/service.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { User } from '../../shared/db/entities/user.ts';
import { databaseOf } from '../../shared/db/service.ts';

export const database = databaseOf({
  kpi: KpiCounter,
  tenant: Tenant,
  user: User,
  service: Service,
  export: RequestExport,
  audit: AuditEntry,
  outbox: OutboxEvent,
});
