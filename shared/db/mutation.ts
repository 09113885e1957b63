/**
 * Every mutation is one transaction: the change, its audit entry and its outbox event.
 * Nothing is announced that was not written; nothing written goes unannounced.
 */
import { randomUUID } from 'node:crypto';
import { conflict } from '../api/errors.ts';
import type { FieldChange } from '../domain/audit/diff.ts';
import { detailProblems, type DomainEvent } from '../events/catalogue.ts';
import type { Service } from 'electrodb';
import type { AuditEntry } from './entities/audit-entry.ts';
import type { OutboxEvent } from './entities/outbox-event.ts';

const OUTBOX_TTL_SECONDS = 7 * 24 * 3600;

export interface ChangeContext {
  tenantId: string;
  actorId: string;
  actorName?: string;
  actorRole: string;
  ip?: string;
  userAgent?: string;
  /** The API request (or event) the change began with: its events carry it, so logs can follow it. */
  correlationId?: string;
}

export interface ChangeRecord {
  action: string; // e.g. 'user.role_changed'
  entityType: string;
  entityId: string;
  /** The customer the changed record belongs to, if any: the change joins its timeline. */
  customerId?: string | undefined;
  changes?: FieldChange[];
  /** Domain event for the bus (shared/events/catalogue.ts); omitted only for changes nobody reacts to. */
  event?: DomainEvent;
}

/** Any service that can record a change: it holds the audit and outbox entities. */
type RecordingDb = Service<{ audit: typeof AuditEntry; outbox: typeof OutboxEvent }>;
type WriteBuilder<D extends RecordingDb> = Parameters<D['transaction']['write']>[0];
type TransactionEntities = Parameters<WriteBuilder<RecordingDb>>[0];
type TransactionItem = ReturnType<WriteBuilder<RecordingDb>>[number];

/** The audit entry and outbox event items to add to the transaction holding the change. */
export function auditAndEvent(entities: TransactionEntities, ctx: ChangeContext, change: ChangeRecord, now = new Date()) {
  const at = now.toISOString();
  const items: TransactionItem[] = [
    entities.audit
      .create({
        tenantId: ctx.tenantId,
        auditId: randomUUID(),
        at,
        actorId: ctx.actorId,
        ...(ctx.actorName && { actorName: ctx.actorName }),
        actorRole: ctx.actorRole,
        action: change.action,
        entityType: change.entityType,
        entityId: change.entityId,
        ...(change.customerId && { customerId: change.customerId }),
        changes: change.changes ?? [],
        ...(ctx.ip && { ip: ctx.ip }),
        ...(ctx.userAgent && { userAgent: ctx.userAgent.slice(0, 512) }),
      })
      .commit(),
  ];
  if (change.event)
    items.push(
      entities.outbox
        .create(outboxItem(ctx.tenantId, change.event, { entityId: change.entityId, actorId: ctx.actorId, correlationId: ctx.correlationId }, now))
        .commit(),
    );
  return items;
}

/**
 * An outbox event: written with the change it announces, or alone for work a consumer does
 * later. A detail that does not fit its type's schema in the catalogue is a bug: it fails here,
 * before anything is written, rather than in a consumer after the change is done.
 */
export function outboxItem(
  tenantId: string,
  event: DomainEvent,
  written: { entityId: string; actorId: string; correlationId?: string | undefined },
  now = new Date(),
) {
  const { correlationId, ...about } = written;
  const detail = { ...event.detail, ...about, ...(correlationId && { correlationId }) };
  const problems = detailProblems(event.type, detail);
  if (problems.length) throw new Error(`The ${event.type} event does not fit the event catalogue: ${problems.join('; ')}`);
  return { tenantId, eventId: randomUUID(), type: event.type, at: now.toISOString(), detail, expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_TTL_SECONDS };
}

/** Runs a write transaction; a failed condition (stale version, taken slot) becomes a 409. */
export async function commitTransaction<D extends RecordingDb>(
  db: D,
  build: WriteBuilder<D>,
  conflictMessage = 'This record was changed by someone else. Reload and try again.',
) {
  const result = await db.transaction.write(build).go();
  if (result.canceled) {
    const reasons = (result.data as Array<{ code?: string }>).map((d) => d.code).filter(Boolean);
    if (reasons.includes('ConditionalCheckFailed')) throw conflict(conflictMessage);
    // Another transaction touched the same item at the same moment: safe to retry.
    if (reasons.includes('TransactionConflict')) throw conflict('Someone else was changing this at the same moment. Try again.');
    throw new Error(`transaction cancelled: ${reasons.join(', ')}`);
  }
}
