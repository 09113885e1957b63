/**
 * Uploads of documents (ADR 0029, 0032). Starting one writes the document (or its next version)
 * waiting for its file. A file up to 16 MB then goes in one presigned POST that S3 accepts only
 * for its size, type and SHA-256; a larger one in 8 MB parts, each link signed for its part's
 * SHA-256, which only the uploader asks for, lists (to resume), completes or cancels. Nothing
 * about parts is kept here: S3 answers for them. The file's scan decides the rest.
 */
import { randomUUID } from 'node:crypto';
import { conflict, notFound, validationFailed } from '../../../shared/api/errors.ts';
import { DOCUMENT_UPLOADS_OPERATIONS } from '../../../shared/api/operations/document-uploads.ts';
import { DOCUMENT_UPLOADS_SCHEMAS } from '../../../shared/api/schemas/document-uploads.ts';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { Document, DocumentVersion } from '../../../shared/db/entities/document.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { accessOf } from '../../../shared/domain/customers/customers.ts';
import { CONTACT_ACCESS_LEVELS } from '../../../shared/domain/documents/access.ts';
import { ROOT_FOLDER } from '../../../shared/domain/documents/documents.ts';
import { extensionOf, FILE_TYPES } from '../../../shared/domain/documents/files.ts';
import { objectKeyOf } from '../../../shared/domain/documents/keys.ts';
import { isMultipart, PART_BYTES, partCountOf, partsProblem } from '../../../shared/domain/documents/multipart.ts';
import { retentionYearsOf } from '../../../shared/domain/documents/retention.ts';
import { isStaff } from '../../../shared/domain/identity/permissions.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { customerFor, documentFor, documentView, type DocumentItem } from '../access.ts';
import { objectArrived, removeObject, uploadForm } from '../files.ts';
import { folderFor } from '../folders.ts';
import { abortParts, completeParts, partLinks, partsHeld, startParts } from '../parts.ts';
import { openRequestFor } from '../requests.ts';

const database = databaseOf({ document: Document, version: DocumentVersion, tenant: Tenant, audit: AuditEntry, outbox: OutboxEvent });

/** An upload whose file never arrives is forgotten after a day (DynamoDB TTL; the bucket aborts its parts after a day too). */
const ABANDONED_AFTER_SECONDS = 24 * 3600;

async function createDocumentUpload(req: RequestOf<'createDocumentUpload'>): Promise<ReplyOf<'createDocumentUpload'>> {
  const { actor, body } = req;
  const staff = isStaff(actor.role);
  if (staff && !body.customerId && !body.documentId)
    throw validationFailed([{ field: 'customerId', message: 'is required: the customer the document is for' }]);
  if (!staff && body.accessLevel && !(CONTACT_ACCESS_LEVELS as readonly string[]).includes(body.accessLevel))
    throw validationFailed([{ field: 'accessLevel', message: `must be one of: ${CONTACT_ACCESS_LEVELS.join(', ')}` }]);
  const [existing, { data: firm }] = await Promise.all([
    body.documentId ? documentFor(actor, body.documentId) : undefined,
    database().entities.tenant.get({ tenantId: actor.tenantId }).go(),
  ]);
  const customerId = existing?.customerId ?? (await customerFor(actor, body.customerId));
  // A new document may answer an open request, and is filed where it asks; a new version stays where its document is.
  const answering = !existing && body.documentRequestId ? await openRequestFor(actor, customerId, body.documentRequestId) : undefined;
  const folder = existing ? undefined : await folderFor(actor, customerId, body.folderId ?? answering?.folderId ?? ROOT_FOLDER);
  const mimeType = FILE_TYPES[extensionOf(body.name)!].mime;
  const now = new Date();
  const at = now.toISOString();
  const documentId = existing?.documentId ?? randomUUID();
  const versionNo = (existing?.latestVersion ?? 0) + 1;
  const ref = { tenantId: actor.tenantId, documentId, versionNo };
  const objectKey = objectKeyOf(ref);
  const file = { name: body.name, mimeType, size: body.size, checksum: body.checksum, uploadedBy: actor.userId, uploadedByName: actor.name };
  const expiresAt = Math.floor(now.getTime() / 1000) + ABANDONED_AFTER_SECONDS;
  // A large file goes in parts: S3's upload exists before the version that names it (a failed write leaves it to the bucket's one-day abort rule).
  const retentionYears = retentionYearsOf(firm);
  const uploadId = isMultipart(body.size) ? await startParts(objectKey, mimeType, retentionYears) : undefined;
  // A contact who sees only their own records shares nothing unless they choose to.
  const accessLevel = folder?.internal ? 'internal' : (body.accessLevel ?? (actor.contact && accessOf(actor.contact) === 'own' ? 'private' : 'customer'));
  const document: DocumentItem = existing ?? {
    tenantId: actor.tenantId,
    documentId,
    customerId,
    folderId: folder?.folderId ?? ROOT_FOLDER,
    ...(answering && { documentRequestId: answering.documentRequestId }),
    ...file,
    ...(body.description && { description: body.description }),
    tags: [],
    latestVersion: 1,
    status: 'uploading',
    accessLevel,
    downloadCount: 0,
    expiresAt,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await commitTransaction(
    database(),
    (e) => [
      existing
        ? e.document
            .patch({ tenantId: actor.tenantId, documentId })
            .set({ latestVersion: versionNo, version: existing.version + 1 })
            .where((a, op) => op.eq(a.version, existing.version))
            .commit()
        : e.document.create(document).commit(),
      e.version
        .create({
          ...ref,
          objectKey,
          ...file,
          status: 'uploading',
          expiresAt,
          createdAt: at,
          ...(uploadId && { uploadId }),
          ...(body.changeSummary && { changeSummary: body.changeSummary }),
        })
        .commit(),
      ...auditAndEvent(e, changeContext(req), {
        action: 'document.upload_started',
        entityType: 'document',
        entityId: documentId,
        customerId,
        changes: [{ field: `version ${versionNo}`, from: null, to: { name: file.name, size: file.size, checksum: file.checksum } }],
        event: { type: 'document.upload_started', detail: { documentId, versionNo, customerId, name: file.name, uploadedBy: actor.userId } },
      }),
    ],
    'Someone else added a version of this document at the same moment. Try again.',
  );
  const upload = uploadId
    ? { method: 'parts' as const, partSize: PART_BYTES, partCount: partCountOf(file.size), expiresAt: new Date(expiresAt * 1000).toISOString() }
    : await uploadForm(objectKey, file, retentionYears);
  return { status: 201, body: { document: documentView(existing ? { ...existing, latestVersion: versionNo } : document), versionNo, upload } };
}

type VersionRequest = RequestOf<'signDocumentUploadParts' | 'listDocumentUploadParts' | 'completeDocumentUpload' | 'cancelDocumentUpload'>;

/** The version `req` names, for the person who started it: to anyone else (another firm, customer or person) it is not found. */
async function ownVersion(req: VersionRequest) {
  const { actor, params } = req;
  const document = await documentFor(actor, params.documentId);
  const { data: version } = await database()
    .entities.version.get({ tenantId: actor.tenantId, documentId: document.documentId, versionNo: Number(params.versionNo) })
    .go();
  if (!version || version.uploadedBy !== actor.userId) throw notFound('Upload');
  return { document, version };
}

/** The uploader's version, still waiting for its file (and sent in parts, when `inParts`); once its file has arrived, a conflict. */
const uploadingVersion = async (req: VersionRequest, inParts: boolean) => stillUploading(await ownVersion(req), inParts);

function stillUploading({ document, version }: Awaited<ReturnType<typeof ownVersion>>, inParts: boolean) {
  if (version.status !== 'uploading') throw conflict(`Version ${version.versionNo} of ${version.name} has arrived already: it is no longer being uploaded.`);
  if (inParts && !version.uploadId) throw conflict(`${version.name} is sent in one piece, not in parts.`);
  return { document, version, uploadId: version.uploadId! };
}

async function listDocumentUploadParts(req: RequestOf<'listDocumentUploadParts'>): Promise<ReplyOf<'listDocumentUploadParts'>> {
  const { version, uploadId } = await uploadingVersion(req, true);
  const held = await partsHeld(version.objectKey, uploadId);
  if (!held) throw conflict(`The upload of ${version.name} has ended. Start it again.`);
  return {
    body: {
      partSize: PART_BYTES,
      partCount: partCountOf(version.size),
      parts: held.map(({ partNumber, size, checksum }) => ({ partNumber, size, ...(checksum && { checksum }) })),
    },
  };
}

async function signDocumentUploadParts(req: RequestOf<'signDocumentUploadParts'>): Promise<ReplyOf<'signDocumentUploadParts'>> {
  const { version, uploadId } = await uploadingVersion(req, true);
  const count = partCountOf(version.size);
  const problems = req.body.parts.flatMap(({ partNumber }, i) => [
    ...(partNumber > count ? [{ field: `parts.${i}.partNumber`, message: `must be at most ${count}: the file has ${count} parts` }] : []),
    ...(req.body.parts.findIndex((p) => p.partNumber === partNumber) < i ? [{ field: `parts.${i}.partNumber`, message: 'is named twice' }] : []),
  ]);
  if (problems.length) throw validationFailed(problems);
  return { body: await partLinks(version.objectKey, uploadId, req.body.parts) };
}

/**
 * Joins the parts once S3 holds each of its size; the object then arrives and is scanned. Asked
 * again after it succeeded (a retry over a flaky network), it answers the same.
 */
async function completeDocumentUpload(req: RequestOf<'completeDocumentUpload'>): Promise<ReplyOf<'completeDocumentUpload'>> {
  const own = await ownVersion(req);
  const answer = { status: 202 as const, body: { documentId: own.version.documentId, versionNo: own.version.versionNo } };
  if (own.version.uploadId && own.version.status !== 'uploading') return answer;
  const { version, uploadId } = stillUploading(own, true);
  const held = await partsHeld(version.objectKey, uploadId);
  if (!held) {
    if (await objectArrived(version.objectKey)) return answer;
    throw conflict(`The upload of ${version.name} has ended. Start it again.`);
  }
  const problem = partsProblem(version.size, held);
  if (problem) throw validationFailed([{ field: 'parts', message: problem }]);
  await completeParts(version.objectKey, uploadId, held);
  return answer;
}

/**
 * The uploader stops an upload before its file arrives: S3 drops the parts sent, and the version
 * goes, with its document when it had no other. Its number is not used again.
 */
async function cancelDocumentUpload(req: RequestOf<'cancelDocumentUpload'>): Promise<ReplyOf<'cancelDocumentUpload'>> {
  const { document, version, uploadId } = await uploadingVersion(req, false);
  if (uploadId) await abortParts(version.objectKey, uploadId);
  // A POST that ended a moment before: its object goes too, and its scan result finds no version.
  await removeObject(version.objectKey);
  const removesDocument = document.status === 'uploading' && document.currentVersion === undefined && document.latestVersion === version.versionNo;
  const { tenantId, documentId } = document;
  await commitTransaction(
    database(),
    (e) => [
      e.version
        .delete({ tenantId, documentId, versionNo: version.versionNo })
        .where((a, op) => op.eq(a.updatedAt, version.updatedAt))
        .commit(),
      ...(removesDocument
        ? [
            e.document
              .delete({ tenantId, documentId })
              .where((a, op) => op.eq(a.version, document.version))
              .commit(),
          ]
        : []),
      ...auditAndEvent(e, changeContext(req), {
        action: 'document.upload_cancelled',
        entityType: 'document',
        entityId: documentId,
        customerId: document.customerId,
        changes: [{ field: `version ${version.versionNo}`, from: { name: version.name, size: version.size }, to: null }],
        event: {
          type: 'document.upload_cancelled',
          detail: {
            documentId,
            versionNo: version.versionNo,
            customerId: document.customerId,
            name: version.name,
            uploadedBy: version.uploadedBy,
            documentRemoved: removesDocument,
          },
        },
      }),
    ],
    'The file arrived or the upload changed at the same moment. Reload and try again.',
  );
  return { status: 204 };
}

export const handler = contextHandler({
  routes: DOCUMENT_UPLOADS_OPERATIONS,
  schemas: DOCUMENT_UPLOADS_SCHEMAS,
  operations: { createDocumentUpload, listDocumentUploadParts, signDocumentUploadParts, completeDocumentUpload, cancelDocumentUpload },
  authenticate: actorFromClaims,
});
