import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Counter } from '../../shared/db/entities/counter.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { ServiceRequest } from '../../shared/db/entities/service-request.ts';
import { Task } from '../../shared/db/entities/task.ts';
import { TaskComment } from '../../shared/db/entities/task-comment.ts';
import { TaskTemplate } from '../../shared/db/entities/task-template.ts';
import { User } from '../../shared/db/entities/user.ts';
import { Workload } from '../../shared/db/entities/workload.ts';
import { databaseOf } from '../../shared/db/service.ts';

export const database = databaseOf({
  template: TaskTemplate,
  task: Task,
  comment: TaskComment,
  request: ServiceRequest,
  user: User,
  workload: Workload,
  counter: Counter,
  audit: AuditEntry,
  outbox: OutboxEvent,
});
