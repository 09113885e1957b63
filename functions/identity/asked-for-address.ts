/**
 * What sign-in and "forgot password" do for a typed address after they answered (ADR 0017), run
 * by the accounts consumer, so an answer takes as long whether or not the address has an account:
 * - a reset asked for an active person, at most one a minute, is recorded and audited, and its
 *   event makes the notifier email the link;
 * - a failed sign-in (or pause) of an existing account is audited in its firm.
 */
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { PasswordReset } from '../../shared/db/entities/password-reset.ts';
import { User } from '../../shared/db/entities/user.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { ANONYMOUS_ACTOR } from '../../shared/domain/audit/actor.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { RESET_REQUEST_INTERVAL_SECONDS } from '../../shared/domain/identity/links.ts';
import { findIdentity } from './cognito.ts';

const database = databaseOf({ user: User, passwordReset: PasswordReset, audit: AuditEntry, outbox: OutboxEvent });

export interface Asked {
  email: string;
  ip?: string | undefined;
  userAgent?: string | undefined;
  /** When it was asked: what the audit entry says. */
  at: Date;
}

export async function recordResetRequest(asked: Asked): Promise<void> {
  const now = asked.at;
  const identity = await findIdentity(asked.email);
  if (!identity) return;
  const { tenantId, userId } = identity;
  const db = database();
  const [{ data: user }, { data: previous }] = await Promise.all([
    db.entities.user.get({ tenantId, userId }).go(),
    db.entities.passwordReset.get({ tenantId, userId }).go(),
  ]);
  if (!user || user.status !== 'active') return;
  if (previous && now.getTime() - Date.parse(previous.requestedAt) < RESET_REQUEST_INTERVAL_SECONDS * 1000) return;
  const ctx = { tenantId, actorId: userId, actorName: user.name, actorRole: user.role, ip: asked.ip, userAgent: asked.userAgent };
  await commitTransaction(db, (entities) => [
    entities.passwordReset.upsert({ tenantId, userId, requestedAt: now.toISOString() }).commit(),
    ...auditAndEvent(
      entities,
      ctx,
      { action: 'auth.password_reset_requested', entityType: 'user', entityId: userId, event: { type: 'auth.password_reset_requested', detail: { userId } } },
      now,
    ),
  ]);
}

/** The failure is audited in the firm of the account the address signs in to, if any. */
export async function recordFailedSignIn(asked: Asked & { paused: boolean }): Promise<void> {
  const identity = await findIdentity(asked.email);
  if (!identity) return;
  const ctx = { tenantId: identity.tenantId, actorId: ANONYMOUS_ACTOR, actorRole: ANONYMOUS_ACTOR, ip: asked.ip, userAgent: asked.userAgent };
  await commitTransaction(database(), (entities) =>
    auditAndEvent(
      entities,
      ctx,
      { action: asked.paused ? 'auth.account_paused' : 'auth.login_failed', entityType: 'user', entityId: identity.userId },
      asked.at,
    ),
  );
}
