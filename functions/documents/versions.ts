/**
 * A document's versions and history: staff revert to an earlier clean version (a new version
 * that serves the earlier one's object again: nothing is copied, and no unscanned byte is
 * served), two text versions are compared line by line, a preview opens in the browser (and
 * is recorded as a view), and staff read the document's audited history.
 */
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Document, DocumentVersion } from '../../shared/db/entities/document.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { conflict, validationFailed } from '../../shared/api/errors.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { queryPage } from '../../shared/db/pagination.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { diffLines } from '../../shared/domain/documents/diff.ts';
import { PREVIEWABLE_MIME_TYPES, TEXT_MIME_TYPES } from '../../shared/domain/documents/files.ts';

import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { documentFor, type DocumentItem } from './access.ts';
import { downloadLink, objectText } from './files.ts';

const database = databaseOf({ document: Document, version: DocumentVersion, audit: AuditEntry, outbox: OutboxEvent });

/** Text larger than this is not compared in a request. */
const MAX_COMPARED_BYTES = 512 * 1024;

/** A version of the document, or not found. */
async function versionOf(document: DocumentItem, versionNo: number, field: string) {
  const { data } = await database().entities.version.get({ tenantId: document.tenantId, documentId: document.documentId, versionNo }).go();
  if (!data) throw validationFailed([{ field, message: `is not a version of ${document.name}` }]);
  return data;
}

/** The version the document serves, for its object and name. */
export async function servedVersion(document: DocumentItem) {
  if (document.status !== 'available' || document.currentVersion === undefined) return undefined;
  return versionOf(document, document.currentVersion, 'currentVersion');
}

export async function revertDocumentVersion(req: RequestOf<'revertDocumentVersion'>): Promise<ReplyOf<'revertDocumentVersion'>> {
  const document = await documentFor(req.actor, req.params.documentId);
  const target = await versionOf(document, Number(req.params.versionNo), 'path.versionNo');
  if (target.status !== 'available')
    throw conflict(`Version ${target.versionNo} of ${document.name} is ${target.status}: only a clean version can be served again.`);
  if (target.versionNo === document.currentVersion) throw conflict(`Version ${target.versionNo} is the one ${document.name} serves already.`);
  const versionNo = document.latestVersion + 1;
  const at = new Date().toISOString();
  const { tenantId, documentId, customerId } = document;
  const file = { name: target.name, mimeType: target.mimeType, size: target.size, checksum: target.checksum };
  await commitTransaction(
    database(),
    (e) => [
      e.version
        .create({
          tenantId,
          documentId,
          versionNo,
          // The earlier version's object, already scanned clean: the bucket policy serves it as before.
          objectKey: target.objectKey,
          ...file,
          status: 'available',
          verdict: 'NO_THREATS_FOUND',
          typeMatches: true,
          scanFailures: 0,
          revertedFrom: target.versionNo,
          changeSummary: req.body.changeSummary || `Reverted to version ${target.versionNo}`,
          uploadedBy: req.actor.userId,
          uploadedByName: req.actor.name,
          createdAt: at,
        })
        .commit(),
      e.document
        .patch({ tenantId, documentId })
        .set({ ...file, status: 'available', currentVersion: versionNo, latestVersion: versionNo, version: document.version + 1 })
        .where((a, op) => op.eq(a.version, document.version))
        .commit(),
      ...auditAndEvent(e, changeContext(req), {
        action: 'document.reverted',
        entityType: 'document',
        entityId: documentId,
        customerId,
        changes: [{ field: 'currentVersion', from: document.currentVersion ?? null, to: versionNo }],
        event: { type: 'document.reverted', detail: { documentId, customerId, versionNo, revertedFrom: target.versionNo, name: target.name } },
      }),
    ],
    'Someone added a version of this document at the same moment. Reload and try again.',
  );
  return { status: 201, body: { versionNo } };
}

export async function compareDocumentVersions(req: RequestOf<'compareDocumentVersions'>): Promise<ReplyOf<'compareDocumentVersions'>> {
  const document = await documentFor(req.actor, req.params.documentId);
  const { from, to } = req.query;
  const [older, newer] = await Promise.all([versionOf(document, from, 'query.from'), versionOf(document, to, 'query.to')]);
  for (const v of [older, newer]) {
    if (v.status !== 'available') throw conflict(`Version ${v.versionNo} is ${v.status}: only clean versions can be read.`);
    if (!TEXT_MIME_TYPES.includes(v.mimeType)) throw conflict(`Version ${v.versionNo} is not a text file: only text and CSV versions can be compared.`);
  }
  const [before, after] = await Promise.all([objectText(older.objectKey, MAX_COMPARED_BYTES), objectText(newer.objectKey, MAX_COMPARED_BYTES)]);
  const lines = before === undefined || after === undefined ? undefined : diffLines(before, after);
  if (!lines) throw conflict('These versions are too large to compare here: download them instead.');
  return {
    body: {
      from,
      to,
      lines,
      added: lines.filter((l) => l.change === 'added').length,
      removed: lines.filter((l) => l.change === 'removed').length,
    },
  };
}

export async function getDocumentPreview(req: RequestOf<'getDocumentPreview'>): Promise<ReplyOf<'getDocumentPreview'>> {
  const document = await documentFor(req.actor, req.params.documentId);
  const served = await servedVersion(document);
  if (!served) throw conflict(`${document.name} is not available to view.`);
  if (!PREVIEWABLE_MIME_TYPES.includes(served.mimeType)) throw conflict(`${document.name} cannot be shown in the browser: download it instead.`);
  const link = await downloadLink(served.objectKey, served.name, { mimeType: served.mimeType });
  await commitTransaction(database(), (e) =>
    auditAndEvent(e, changeContext(req), {
      action: 'document.viewed',
      entityType: 'document',
      entityId: document.documentId,
      customerId: document.customerId,
      changes: [{ field: `version ${served.versionNo}`, from: null, to: 'viewed' }],
    }),
  );
  return { body: link };
}

export async function listDocumentHistory(req: RequestOf<'listDocumentHistory'>): Promise<ReplyOf<'listDocumentHistory'>> {
  const document = await documentFor(req.actor, req.params.documentId);
  const { limit, cursor } = req.query;
  const query = database().entities.audit.query.byEntity({ tenantId: document.tenantId, entityType: 'document', entityId: document.documentId });
  return {
    body: await queryPage(
      cursor,
      (from) => query.go({ limit, cursor: from, order: 'desc' }),
      ({ at, action, actorName, actorRole, changes, ip, userAgent }) => ({
        at,
        action,
        actorRole,
        changes: (changes ?? []).map((c) => ({ field: String(c.field), from: c.from, to: c.to })),
        ...(actorName && { actorName }),
        ...(ip && { ip }),
        ...(userAgent && { userAgent }),
      }),
    ),
  };
}
