/**
 * Request exports: asking writes the export (pending), its audit entry and the event that has
 * it built in the background (functions/analytics/consumers/exports.ts). Its requester then reads it and,
 * once ready, gets a download link that works for a quarter of an hour.
 */
import { randomUUID } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { notFound } from '../../shared/api/errors.ts';
import type { RequestExportView } from '../../shared/api/schemas/analytics.ts';
import type { RequestExport } from '../../shared/db/entities/request-export.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { downloadLink } from '../lib/storage.ts';
import { database } from './db.ts';

const KEEP_SECONDS = 7 * 24 * 3600;
const LINK_SECONDS = 15 * 60;

type ExportItem = EntityItem<typeof RequestExport>;

async function toView(e: ExportItem): Promise<RequestExportView> {
  const view: RequestExportView = {
    exportId: e.exportId,
    status: e.status,
    filters: e.filters as Record<string, unknown>,
    createdAt: e.createdAt,
    ...(e.rowCount !== undefined && { rowCount: e.rowCount }),
    ...(e.problem && { problem: e.problem }),
  };
  if (e.status !== 'ready' || !e.key) return view;
  const url = await downloadLink(e.key, `requests-${e.createdAt.slice(0, 10)}.csv`, LINK_SECONDS);
  return { ...view, url, urlExpiresAt: new Date(Date.now() + LINK_SECONDS * 1000).toISOString() };
}

export async function createRequestExport(req: RequestOf<'createRequestExport'>): Promise<ReplyOf<'createRequestExport'>> {
  const actor = req.actor;
  const now = new Date();
  const item: ExportItem = {
    tenantId: actor.tenantId,
    exportId: randomUUID(),
    requestedBy: actor.userId,
    filters: req.body,
    status: 'pending',
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
  };
  await commitTransaction(database(), (entities) => [
    entities.export.create(item).commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'requests.exported',
      entityType: 'export',
      entityId: item.exportId,
      changes: [{ field: 'filters', from: null, to: req.body }],
      event: { type: 'export.requested', detail: { exportId: item.exportId, requestedBy: actor.userId } },
    }),
  ]);
  return { status: 202, body: await toView(item) };
}

/** Only its requester sees an export: it holds what their permissions let them see. */
export async function getRequestExport(req: RequestOf<'getRequestExport'>): Promise<ReplyOf<'getRequestExport'>> {
  const actor = req.actor;
  const { data } = await database().entities.export.get({ tenantId: actor.tenantId, exportId: req.params.exportId }).go();
  if (!data || data.requestedBy !== actor.userId) throw notFound('Export');
  return { body: await toView(data) };
}
