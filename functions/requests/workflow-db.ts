import { AssignmentRecord } from '../../shared/db/entities/assignment-record.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { RequestActivity } from '../../shared/db/entities/request-activity.ts';
import { Service } from '../../shared/db/entities/service.ts';
import { ServiceRequest } from '../../shared/db/entities/service-request.ts';
import { Task } from '../../shared/db/entities/task.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { User } from '../../shared/db/entities/user.ts';
import { Workload } from '../../shared/db/entities/workload.ts';
import { databaseOf } from '../../shared/db/service.ts';

export const database = databaseOf({
  request: ServiceRequest,
  activity: RequestActivity,
  assignment: AssignmentRecord,
  service: Service,
  task: Task,
  tenant: Tenant,
  user: User,
  workload: Workload,
  audit: AuditEntry,
  outbox: OutboxEvent,
});
