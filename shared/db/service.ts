import { Service } from 'electrodb';
import { config } from '../config.ts';
import { dynamoClient } from './client.ts';
import { AuditEntry } from './entities/audit-entry.ts';
import { Connection } from './entities/connection.ts';
import { Invitation } from './entities/invitation.ts';
import { MfaSetup } from './entities/mfa-setup.ts';
import { Notification } from './entities/notification.ts';
import { PasswordReset } from './entities/password-reset.ts';
import { RealtimeTicket } from './entities/realtime-ticket.ts';
import { OutboxEvent } from './entities/outbox-event.ts';
import { ProcessedEvent } from './entities/processed-event.ts';
import { RevokedToken } from './entities/revoked-token.ts';
import { Tenant } from './entities/tenant.ts';
import { User } from './entities/user.ts';

const entities = {
  tenant: Tenant,
  user: User,
  audit: AuditEntry,
  outbox: OutboxEvent,
  revokedToken: RevokedToken,
  processedEvent: ProcessedEvent,
  invitation: Invitation,
  connection: Connection,
  realtimeTicket: RealtimeTicket,
  notification: Notification,
  passwordReset: PasswordReset,
  mfaSetup: MfaSetup,
};

export type Db = ReturnType<typeof createDb>;

function createDb() {
  return new Service(entities, { client: dynamoClient(), table: config().TABLE_NAME });
}

let db: Db | undefined;

/** The ElectroDB service bound to the configured table (one per process). */
export function database(): Db {
  db ??= createDb();
  return db;
}
