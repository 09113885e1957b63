/**
 * What a "forgot password" request does, after it was answered (ADR 0017): run by the notifier
 * from the `auth.password_reset_asked` event, so the answer takes as long for any address. An
 * active person's request, at most one a minute, is recorded and audited, and its event makes
 * the notifier email the link.
 */
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { PasswordReset } from '../../shared/db/entities/password-reset.ts';
import { User } from '../../shared/db/entities/user.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { RESET_REQUEST_INTERVAL_SECONDS } from '../../shared/domain/identity/links.ts';
import { findIdentity } from '../lib/cognito.ts';

const database = databaseOf({ user: User, passwordReset: PasswordReset, audit: AuditEntry, outbox: OutboxEvent });

export interface ResetAsked {
  email: string;
  ip?: string | undefined;
  userAgent?: string | undefined;
}

export async function recordResetRequest(asked: ResetAsked, now = new Date()): Promise<void> {
  const identity = await findIdentity(asked.email);
  if (!identity) return;
  const { tenantId, userId } = identity;
  const db = database();
  const [{ data: user }, { data: previous }] = await Promise.all([db.entities.user.get({ tenantId, userId }).go(), db.entities.passwordReset.get({ tenantId, userId }).go()]);
  if (!user || user.status !== 'active') return;
  if (previous && now.getTime() - Date.parse(previous.requestedAt) < RESET_REQUEST_INTERVAL_SECONDS * 1000) return;
  const ctx = { tenantId, actorId: userId, actorName: user.name, actorRole: user.role, ip: asked.ip, userAgent: asked.userAgent };
  await commitTransaction(db, (entities) => [
    entities.passwordReset.upsert({ tenantId, userId, requestedAt: now.toISOString() }).commit(),
    ...auditAndEvent(entities, ctx, { action: 'auth.password_reset_requested', entityType: 'user', entityId: userId, event: { type: 'auth.password_reset_requested', detail: { userId } } }, now),
  ]);
}
