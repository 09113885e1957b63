/**
 * Builds a requested CSV export: reads every request the requester may see through the list's
 * own Query (functions/requests/query.ts), writes the CSV to the uploads bucket under
 * `exports/`, marks the export ready and tells the requester live. Once per event.
 */
import { RequestExport } from '../../../shared/db/entities/request-export.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import type { Permission } from '../../../shared/domain/identity/permissions.ts';
import { REQUEST_COLUMNS, csvLine, requestLine } from '../../../shared/domain/requests/csv.ts';
import type { EventDetail } from '../../../shared/events/catalogue.ts';
import { consumerHandler } from '../../lib/consumer.ts';
import { pushToUser } from '../../lib/realtime.ts';
import { putObject } from '../../lib/storage.ts';
import { requestQuery, type RequestFilters } from '../../requests/query.ts';

const database = databaseOf({ export: RequestExport, user: User });

/** Beyond this the export asks for a narrower filter rather than run for minutes. */
export const MAX_ROWS = 50_000;
const PAGE = 500;

type Built = { rows: number; key: string } | { problem: string };

async function build(tenantId: string, exportId: string, requestedBy: string, filters: RequestFilters): Promise<Built> {
  const { data: person } = await database().entities.user.get({ tenantId, userId: requestedBy }).go();
  if (!person || person.status !== 'active') return { problem: 'The person who asked for it can no longer sign in.' };
  // What they may see now, as the list would show it to them.
  const actor = {
    tenantId,
    userId: person.userId,
    role: person.role,
    grants: (person.grants ?? []).map((g) => ({ permission: g.permission as Permission, expiresAt: g.expiresAt })),
  };
  const query = requestQuery(actor, filters);
  // A byte-order mark, so spreadsheets read the file as UTF-8.
  let csv = `\uFEFF${csvLine(REQUEST_COLUMNS)}`;
  let rows = 0;
  let cursor: string | null = null;
  do {
    const page: { data: Parameters<typeof requestLine>[0][]; cursor: string | null } = await query.go({
      limit: PAGE,
      order: 'desc',
      ...(cursor && { cursor }),
    });
    for (const r of page.data) csv += requestLine(r);
    rows += page.data.length;
    if (rows > MAX_ROWS) return { problem: `More than ${MAX_ROWS} requests match: narrow the filter and export again.` };
    cursor = page.cursor;
  } while (cursor);
  const key = `exports/${tenantId}/${exportId}.csv`;
  await putObject(key, csv, 'text/csv; charset=utf-8');
  return { rows, key };
}

async function buildExport(d: EventDetail<'export.requested'>): Promise<void | 'skipped'> {
  const { tenantId, exportId } = d;
  const { data: job } = await database().entities.export.get({ tenantId, exportId }).go();
  if (!job || job.status !== 'pending') return 'skipped';
  const built = await build(tenantId, exportId, job.requestedBy, job.filters as RequestFilters);
  const finishedAt = new Date().toISOString();
  await database()
    .entities.export.patch({ tenantId, exportId })
    .set('key' in built ? { status: 'ready', rowCount: built.rows, key: built.key, finishedAt } : { status: 'failed', problem: built.problem, finishedAt })
    .go();
  await pushToUser(tenantId, job.requestedBy, { type: 'export.ready', exportId });
}

export const handler = consumerHandler({ name: 'exports', idempotency: 'marker', reactions: { 'export.requested': buildExport } });
