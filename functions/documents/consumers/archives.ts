/**
 * Builds the archives people ask for: a firm's whole export (ADR 0038,
 * ../../platform/firm-export-builder.ts), and a zip of a folder (../zips.ts): the folder's available documents and its
 * subfolders', each under its folder's path, as the person who asked may see them now. The
 * archive is written in parts straight to the uploads bucket (`exports/zips/`), the count of
 * files added kept as it goes; once built, whoever asked is told (bell, live, email).
 */
import type { EntityItem } from 'electrodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { Document, DocumentFolder, DocumentVersion } from '../../../shared/db/entities/document.ts';
import { DocumentZip } from '../../../shared/db/entities/document-zip.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { getAll } from '../../../shared/db/batch.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { SYSTEM_ACTOR } from '../../../shared/domain/audit/actor.ts';
import { contactMaySeeDocument } from '../../../shared/domain/documents/access.ts';
import { contactOf } from '../../../shared/domain/customers/customers.ts';
import { MAX_ZIP_BYTES, MAX_ZIP_FILES, uniquePaths } from '../../../shared/domain/documents/zips.ts';
import type { EventDetail } from '../../../shared/events/catalogue.ts';
import { consumerHandler } from '../../lib/consumer.ts';
import { buildFirmExport } from '../../platform/firm-export-builder.ts';
import { partWriter } from '../../lib/storage.ts';
import { objectBytes } from '../files.ts';
import { ZipWriter } from '../zip-writer.ts';

const database = databaseOf({
  zip: DocumentZip,
  document: Document,
  folder: DocumentFolder,
  version: DocumentVersion,
  user: User,
  audit: AuditEntry,
  outbox: OutboxEvent,
});
const logger = new Logger({ serviceName: 'archives' });

type DocumentItem = EntityItem<typeof Document>;
type ZipItem = EntityItem<typeof DocumentZip>;

/** How often the count of files added is written: often enough for a progress bar. */
const PROGRESS_EVERY = 10;

class Refused extends Error {}

/** The folder and its subfolders, each with its path in the archive; a contact's without the internal ones. */
async function foldersOf(zip: ZipItem, staff: boolean): Promise<{ folderId: string; path: string }[]> {
  const { tenantId, customerId } = zip;
  const found = [{ folderId: zip.folderId, path: '' }];
  for (let i = 0; i < found.length; i++) {
    const parent = found[i]!;
    const { data } = await database().entities.folder.query.byParent({ tenantId, customerId, parentId: parent.folderId }).go({ pages: 'all' });
    for (const f of data) if (staff || !f.internal) found.push({ folderId: f.folderId, path: `${parent.path}${f.name}/` });
  }
  return found;
}

/** What goes in: each available document the person may see, with its path and the object it serves. */
async function contentsOf(zip: ZipItem, mayInclude: (d: DocumentItem) => boolean, staff: boolean) {
  const { tenantId, customerId } = zip;
  const files: { path: string; document: DocumentItem }[] = [];
  for (const folder of await foldersOf(zip, staff)) {
    const { data } = await database().entities.document.query.byFolder({ tenantId, customerId, folderId: folder.folderId }).go({ pages: 'all' });
    for (const document of data)
      if (document.status === 'available' && document.currentVersion && mayInclude(document)) files.push({ path: `${folder.path}${document.name}`, document });
    if (files.length > MAX_ZIP_FILES) throw new Refused(`It holds more than ${MAX_ZIP_FILES} files: choose a smaller folder.`);
  }
  if (!files.length) throw new Refused('There is nothing to download in it yet.');
  if (files.reduce((sum, f) => sum + f.document.size, 0) > MAX_ZIP_BYTES)
    throw new Refused(`Its files come to more than ${MAX_ZIP_BYTES / 1024 ** 3} GB: choose a smaller folder.`);
  // A reverted version serves an earlier version's object: the version says which.
  const versions = await getAll(
    (keys) => database().entities.version.get(keys).go(),
    files.map(({ document }) => ({ tenantId, documentId: document.documentId, versionNo: document.currentVersion! })),
  );
  const objectOf = new Map(versions.map((v) => [v.documentId, v.objectKey]));
  const paths = uniquePaths(files.map((f) => f.path));
  return files.map((f, i) => ({ ...f, path: paths[i]!, objectKey: objectOf.get(f.document.documentId)! }));
}

async function build(d: EventDetail<'document.zip_requested'>): Promise<void | 'skipped'> {
  const { tenantId, zipId } = d;
  const { entities } = database();
  const [{ data: zip }, { data: person }] = await Promise.all([
    entities.zip.get({ tenantId, zipId }).go(),
    entities.user.get({ tenantId, userId: d.requestedBy }).go(),
  ]);
  if (!zip || zip.status !== 'building') return 'skipped';
  const key = { tenantId, zipId };
  const fail = (problem: string) => entities.zip.patch(key).set({ status: 'failed', problem, finishedAt: new Date().toISOString() }).go();
  if (!person || person.status !== 'active') return void (await fail('The person who asked for it can no longer sign in.'));
  const staff = person.role !== 'CLIENT';
  // What they may see now, as their documents list would show it.
  const contact = contactOf({ ...person, customerId: person.customerId ?? '' });
  let contents;
  try {
    contents = await contentsOf(zip, (document) => staff || contactMaySeeDocument(contact, document), staff);
  } catch (error) {
    if (error instanceof Refused) return void (await fail(error.message));
    throw error;
  }
  await entities.zip.patch(key).set({ total: contents.length }).go();

  const objectKey = `exports/zips/${tenantId}/${zipId}.zip`;
  const out = await partWriter(objectKey, 'application/zip');
  try {
    const archive = new ZipWriter((chunk) => out.write(chunk));
    for (const [i, file] of contents.entries()) {
      await archive.add(file.path, await objectBytes(file.objectKey), new Date(file.document.updatedAt));
      if ((i + 1) % PROGRESS_EVERY === 0)
        await entities.zip
          .patch(key)
          .set({ added: i + 1 })
          .go();
    }
    const bytes = await archive.finish();
    await out.finish();
    await commitTransaction(database(), (e) => [
      e.zip.patch(key).set({ status: 'ready', added: contents.length, bytes, key: objectKey, finishedAt: new Date().toISOString() }).commit(),
      ...auditAndEvent(
        e,
        { tenantId, actorId: SYSTEM_ACTOR, actorRole: SYSTEM_ACTOR },
        {
          action: 'document.zip_ready',
          entityType: 'document_folder',
          entityId: zip.folderId,
          customerId: zip.customerId,
          changes: [{ field: 'zip', from: null, to: `${contents.length} files` }],
          event: {
            type: 'document.zip_ready',
            detail: { zipId, customerId: zip.customerId, requestedBy: zip.requestedBy, name: zip.name, files: contents.length },
          },
        },
      ),
    ]);
  } catch (error) {
    await out.abort().catch((e: unknown) => logger.warn('could not abort the zip’s upload', { error: String(e) }));
    logger.error('zip failed', { zipId, error: String(error) });
    await fail('It could not be built. Ask for it again in a moment.');
  }
}

export const handler = consumerHandler({
  name: 'archives',
  idempotency: 'marker',
  reactions: { 'document.zip_requested': build, 'firm.export_requested': buildFirmExport },
});
