/**
 * A folder's documents (with its subfolders') as one ZIP file: asked for here, built in the
 * background (consumers/archives.ts), offered to whoever asked as a short-lived link.
 */
import { randomUUID } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { notFound } from '../../shared/api/errors.ts';
import type { ZipView } from '../../shared/api/schemas/documents.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Customer } from '../../shared/db/entities/customer.ts';
import { DocumentZip } from '../../shared/db/entities/document-zip.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { ROOT_FOLDER } from '../../shared/domain/documents/documents.ts';
import { ZIP_DAYS } from '../../shared/domain/documents/zips.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { downloadLink } from '../lib/storage.ts';
import { customerFor } from './access.ts';
import { DOWNLOAD_SECONDS } from './files.ts';
import { folderFor } from './folders.ts';

const database = databaseOf({ zip: DocumentZip, customer: Customer, audit: AuditEntry, outbox: OutboxEvent });

type ZipItem = EntityItem<typeof DocumentZip>;

/** The file's name when downloaded: the folder's, in ASCII for every browser's sake. */
const fileNameOf = (zip: ZipItem) => `${zip.name.replace(/[^\x20-\x7e]|["\\/]/g, '_')}.zip`;

async function viewOf(zip: ZipItem): Promise<ZipView> {
  const { zipId, name, status, total, added, bytes, problem, createdAt, finishedAt } = zip;
  return {
    zipId,
    name,
    status,
    added,
    createdAt,
    ...(total !== undefined && { total }),
    ...(bytes !== undefined && { bytes }),
    ...(problem && { problem }),
    ...(finishedAt && { finishedAt }),
    ...(status === 'ready' && zip.key && { url: await downloadLink(zip.key, fileNameOf(zip), DOWNLOAD_SECONDS) }),
  };
}

export async function requestDocumentZip(req: RequestOf<'requestDocumentZip'>): Promise<ReplyOf<'requestDocumentZip'>> {
  const { actor, body } = req;
  const customerId = await customerFor(actor, body.customerId);
  const folderId = body.folderId ?? ROOT_FOLDER;
  const [folder, { data: customer }] = await Promise.all([
    folderFor(actor, customerId, folderId),
    database().entities.customer.get({ tenantId: actor.tenantId, customerId }).go(),
  ]);
  const now = new Date();
  const zip: ZipItem = {
    tenantId: actor.tenantId,
    zipId: randomUUID(),
    customerId,
    folderId,
    name: folder?.name ?? customer?.name ?? 'Documents',
    requestedBy: actor.userId,
    status: 'building',
    added: 0,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + ZIP_DAYS * 86_400,
  };
  await commitTransaction(database(), (e) => [
    e.zip.create(zip).commit(),
    ...auditAndEvent(e, changeContext(req), {
      action: 'document.zip_requested',
      entityType: 'document_folder',
      entityId: folderId,
      customerId,
      changes: [{ field: 'zip', from: null, to: zip.name }],
      event: { type: 'document.zip_requested', detail: { zipId: zip.zipId, customerId, requestedBy: actor.userId } },
    }),
  ]);
  return { status: 202, body: await viewOf(zip) };
}

/** Its progress, and once built, a link to download it: for whoever asked only. */
export async function getDocumentZip(req: RequestOf<'getDocumentZip'>): Promise<ReplyOf<'getDocumentZip'>> {
  const { data: zip } = await database().entities.zip.get({ tenantId: req.actor.tenantId, zipId: req.params.zipId }).go();
  // DynamoDB's TTL deletes within days of the time, not at it.
  if (!zip || zip.requestedBy !== req.actor.userId || zip.expiresAt * 1000 < Date.now()) throw notFound('Zip');
  return { body: await viewOf(zip) };
}
