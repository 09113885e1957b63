/**
 * Builds a firm's export (ADR 0038) for the archives consumer (../documents/consumers/archives.ts):
 * every record of the firm, as JSON lines and a CSV per kind, and every document version's file
 * scanned clean, in one ZIP written in parts to the uploads bucket (`exports/firms/`). The firm's records are found by a Scan of the table for its partitions:
 * a background job's read, once per export, never a request's. Whoever asked is told (bell,
 * live, email) once it is built.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { FirmExport } from '../../shared/db/entities/firm-export.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { firmItems } from '../../shared/db/firm-items.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { SYSTEM_ACTOR } from '../../shared/domain/audit/actor.ts';
import { closingKeyOf } from '../../shared/domain/platform/deletion.ts';
import { archivePathOf, csvOf, recordOf, toJson, type FirmRecord } from '../../shared/domain/platform/firm-data.ts';
import type { EventDetail } from '../../shared/events/catalogue.ts';
import { objectBytes } from '../documents/files.ts';
import { ZIP_LIMITS, ZipWriter } from '../documents/zip-writer.ts';
import { partWriter } from '../lib/storage.ts';

const database = databaseOf({ firmExport: FirmExport, audit: AuditEntry, outbox: OutboxEvent });
const logger = new Logger({ serviceName: 'firm-exports' });

const README = `This is all of your firm's data in Service Portal.

records.jsonl  every record, one JSON object a line: {"kind", "version", "item"}
csv/           the same records, one spreadsheet per kind
files/         every version of your documents that passed the malware scan, by its stored path:
               the record of kind "documentVersion" with that objectKey names its document and file name
`;

/** Every record of the firm (its partition and those under it), by kind. */
async function recordsOf(tenantId: string): Promise<FirmRecord[]> {
  const records: FirmRecord[] = [];
  for await (const items of firmItems(tenantId))
    for (const item of items) {
      const record = recordOf(item);
      if (record) records.push(record);
    }
  return records;
}

/** The files to take: each document version scanned clean (the bucket serves no other). */
const filesOf = (records: FirmRecord[]) =>
  records
    .filter((r) => r.kind === 'documentVersion' && r.item.status === 'available')
    .map((r) => ({ key: String(r.item.objectKey), size: Number(r.item.size ?? 0), modified: new Date(String(r.item.createdAt)) }));

export async function buildFirmExport(d: EventDetail<'firm.export_requested'>): Promise<void | 'skipped'> {
  const { tenantId, exportId } = d;
  const key = { tenantId, exportId };
  const { data: job } = await database().entities.firmExport.get(key).go();
  if (!job || job.status !== 'building') return 'skipped';
  const fail = (problem: string) => database().entities.firmExport.patch(key).set({ status: 'failed', problem, finishedAt: new Date().toISOString() }).go();

  const records = await recordsOf(tenantId);
  const objects = filesOf(records);
  const kinds = Map.groupBy(records, (r) => r.kind);
  // No ZIP64 (zip-writer.ts): a firm past its limits is exported whole by the operator's `npm run table` (ADR 0038).
  if (objects.length + kinds.size + 2 > ZIP_LIMITS.entries || objects.reduce((sum, o) => sum + o.size, 0) > ZIP_LIMITS.bytes * 0.9)
    return void (await fail('The firm holds too many files for one download. The platform’s operator can export it for you.'));

  const objectKey = job.closing ? closingKeyOf(tenantId, exportId) : `exports/firms/${tenantId}/${exportId}.zip`;
  const out = await partWriter(objectKey, 'application/zip');
  try {
    const now = new Date();
    const archive = new ZipWriter((chunk) => out.write(chunk));
    await archive.add('README.txt', Buffer.from(README), now);
    await archive.add('records.jsonl', Buffer.from(records.map((r) => `${toJson(r)}\n`).join('')), now);
    for (const [kind, ofKind] of [...kinds].sort(([a], [b]) => a.localeCompare(b)))
      await archive.add(`csv/${kind}.csv`, Buffer.from(csvOf(ofKind.map((r) => r.item))), now);
    for (const o of objects) await archive.add(archivePathOf(tenantId, o.key), await objectBytes(o.key), o.modified);
    const bytes = await archive.finish();
    await out.finish();
    await commitTransaction(database(), (e) => [
      e.firmExport
        .patch(key)
        .set({ status: 'ready', records: records.length, files: objects.length, bytes, key: objectKey, finishedAt: new Date().toISOString() })
        .commit(),
      ...auditAndEvent(
        e,
        { tenantId, actorId: SYSTEM_ACTOR, actorRole: SYSTEM_ACTOR },
        {
          action: 'firm.export_ready',
          entityType: 'firm',
          entityId: tenantId,
          changes: [{ field: 'export', from: null, to: `${records.length} records, ${objects.length} files` }],
          event: { type: 'firm.export_ready', detail: { exportId, requestedBy: job.requestedBy, records: records.length, files: objects.length } },
        },
      ),
    ]);
  } catch (error) {
    await out.abort().catch((e: unknown) => logger.warn('could not abort the export’s upload', { error: String(e) }));
    logger.error('firm export failed', { exportId, error: String(error) });
    await fail('It could not be built. Ask for it again in a moment.');
  }
}
