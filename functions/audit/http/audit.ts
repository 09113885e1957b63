/**
 * The audit log: who changed what, when, from where. Each page is one Query on the index named
 * for the filter (an entity's history, a person's actions, or the firm's time line), newest first.
 */
import type { EntityItem } from 'electrodb';
import { AUDIT_SCHEMAS, type AuditEntryView } from '../../../shared/api/schemas/audit.ts';
import { queryPage } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { AUDIT_OPERATIONS } from '../../../shared/api/operations/audit.ts';

const database = databaseOf({ audit: AuditEntry });

const EARLIEST = '0000-01-01T00:00:00.000Z';
const LATEST = '9999-12-31T23:59:59.999Z';

const toView = (a: EntityItem<typeof AuditEntry>): AuditEntryView => ({
  auditId: a.auditId,
  at: a.at,
  actorId: a.actorId,
  actorName: a.actorName ?? null,
  actorRole: a.actorRole,
  action: a.action,
  entityType: a.entityType,
  entityId: a.entityId,
  changes: (a.changes ?? []).map((c) => ({ field: String(c.field), from: c.from, to: c.to })),
  ip: a.ip ?? null,
  userAgent: a.userAgent ?? null,
});

async function listAudit(req: RequestOf<'listAudit'>): Promise<ReplyOf<'listAudit'>> {
  const { tenantId } = req.actor;
  const q = req.query;
  const from = q.from ? new Date(q.from).toISOString() : EARLIEST;
  const to = q.to ? new Date(q.to).toISOString() : LATEST;
  const { audit } = database().entities;
  const query =
    q.entityType && q.entityId
      ? audit.query.byEntity({ tenantId, entityType: q.entityType, entityId: q.entityId }).between({ at: from }, { at: to })
      : q.actorId
        ? audit.query.byActor({ tenantId, actorId: q.actorId }).between({ at: from }, { at: to })
        : // Keys here are `<at>#<id>`: one millisecond past `to` bounds it inclusively.
          audit.query.byTenantTime({ tenantId }).between({ at: from }, { at: new Date(Date.parse(to) + (q.to ? 1 : 0)).toISOString() });
  const filtered = q.action ? query.where((a, op) => op.eq(a.action, q.action!)) : query;
  return { body: await queryPage(q.cursor, (cursor) => filtered.go({ limit: q.limit, cursor, order: 'desc' }), toView) };
}

export const handler = contextHandler({ routes: AUDIT_OPERATIONS, schemas: AUDIT_SCHEMAS, operations: { listAudit }, authenticate: actorFromClaims });
