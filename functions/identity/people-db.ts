import { databaseOf } from '../../shared/db/service.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Invitation } from '../../shared/db/entities/invitation.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { Customer } from '../../shared/db/entities/customer.ts';
import { User } from '../../shared/db/entities/user.ts';
import { EmailSuppression } from '../../shared/db/entities/email-suppression.ts';

export const database = databaseOf({
  user: User,
  customer: Customer,
  tenant: Tenant,
  invitation: Invitation,
  audit: AuditEntry,
  outbox: OutboxEvent,
  suppression: EmailSuppression,
});
