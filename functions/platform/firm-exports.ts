/**
 * A firm's exports (ADR 0038): an admin asks (the export, its audit entry and the event that has
 * it built: firm-export-builder.ts); the firm's admins see its exports of the last day and,
 * once one is ready, a download link that works for a quarter of an hour.
 */
import { randomUUID } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { conflict, notFound } from '../../shared/api/errors.ts';
import type { FirmExportView } from '../../shared/api/schemas/firm-data.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { FirmExport } from '../../shared/db/entities/firm-export.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { User } from '../../shared/db/entities/user.ts';
import { getAll } from '../../shared/db/batch.ts';
import { auditAndEvent, commitTransaction, type ChangeContext } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { FIRM_EXPORT_DAYS, exportStalled } from '../../shared/domain/platform/firm-data.ts';

import { downloadLink } from '../lib/storage.ts';

const database = databaseOf({ firmExport: FirmExport, user: User, audit: AuditEntry, outbox: OutboxEvent });

const LINK_SECONDS = 15 * 60;

type ExportItem = EntityItem<typeof FirmExport>;

async function viewOf(item: ExportItem, names: Map<string, string>, slug: string): Promise<FirmExportView> {
  const e: ExportItem = exportStalled(item, Date.now()) ? { ...item, status: 'failed', problem: 'It took too long to be built. Ask for it again.' } : item;
  return {
    exportId: e.exportId,
    status: e.status,
    requestedBy: { userId: e.requestedBy, name: names.get(e.requestedBy) ?? '' },
    createdAt: e.createdAt,
    expiresAt: new Date(e.expiresAt * 1000).toISOString(),
    ...(e.finishedAt && { finishedAt: e.finishedAt }),
    ...(e.records !== undefined && { records: e.records }),
    ...(e.files !== undefined && { files: e.files }),
    ...(e.bytes !== undefined && { bytes: e.bytes }),
    ...(e.problem && { problem: e.problem }),
    ...(e.status === 'ready' && e.key && { url: await downloadLink(e.key, `${slug}-${e.createdAt.slice(0, 10)}.zip`, LINK_SECONDS) }),
  };
}

async function viewsOf(tenantId: string, items: ExportItem[]): Promise<FirmExportView[]> {
  const people = await getAll(
    (keys) =>
      database()
        .entities.user.get(keys)
        .go({ attributes: ['userId', 'name'] }),
    [...new Set(items.map((e) => e.requestedBy))].map((userId) => ({ tenantId, userId })),
  );
  const names = new Map(people.map((p) => [p.userId, p.name]));
  const slug = tenantId.replace(/^t-/, '');
  return Promise.all(items.map((e) => viewOf(e, names, slug)));
}

/** The firm's own exports still kept (one small partition, read whole); not the one made as it is set to be deleted. */
async function keptExports(tenantId: string): Promise<ExportItem[]> {
  const { data } = await database().entities.firmExport.query.byFirm({ tenantId }).go({ pages: 'all' });
  const now = Date.now() / 1000;
  return data.filter((e) => e.expiresAt > now && !e.closing);
}

/** One at a time: each reads all of the firm's records. */
export async function requestFirmExport(change: ChangeContext): Promise<FirmExportView> {
  if ((await keptExports(change.tenantId)).some((e) => e.status === 'building' && !exportStalled(e, Date.now())))
    throw conflict('An export of the firm is being built already: it will be ready in a few minutes.');
  const now = new Date();
  const item: ExportItem = {
    tenantId: change.tenantId,
    exportId: randomUUID(),
    requestedBy: change.actorId,
    status: 'building',
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + FIRM_EXPORT_DAYS * 86_400,
  };
  await commitTransaction(database(), (e) => [
    e.firmExport.create(item).commit(),
    ...auditAndEvent(e, change, {
      action: 'firm.export_requested',
      entityType: 'firm',
      entityId: change.tenantId,
      changes: [{ field: 'export', from: null, to: item.exportId }],
      event: { type: 'firm.export_requested', detail: { exportId: item.exportId, requestedBy: change.actorId } },
    }),
  ]);
  return (await viewsOf(change.tenantId, [item]))[0]!;
}

/** The firm's exports still kept, newest first. */
export async function listFirmExports(tenantId: string): Promise<FirmExportView[]> {
  return viewsOf(
    tenantId,
    (await keptExports(tenantId)).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  );
}

export async function getFirmExport(tenantId: string, exportId: string): Promise<FirmExportView> {
  const { data } = await database().entities.firmExport.get({ tenantId, exportId }).go();
  if (!data || data.expiresAt <= Date.now() / 1000 || data.closing) throw notFound('Export');
  return (await viewsOf(tenantId, [data]))[0]!;
}

/** The export made as the firm was set to be deleted, for the platform's operator (ADR 0039). */
export async function closingExport(tenantId: string, exportId: string): Promise<FirmExportView | null> {
  const { data } = await database().entities.firmExport.get({ tenantId, exportId }).go();
  return data?.closing ? viewOf(data, new Map(), tenantId.replace(/^t-/, '')) : null;
}
