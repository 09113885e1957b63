/**
 * GuardDuty's malware scan results (the local scanner's, on the local stack) for the documents
 * bucket (ADR 0029). Each result is folded into its version's scans, once per event: a clean
 * file whose first bytes are what its name says (and, sent in parts, whose SHA-256 is the one
 * declared) becomes available (and its document's served version), a threat is quarantined, a
 * file of another type (or other bytes) is rejected, and a third failed attempt makes it unscannable. The change, its audit entry and its event are one transaction,
 * on the condition that the version is as it was read, so two results at once cannot undo each other.
 */
import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context as LambdaContext, EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import { documentsConfig } from '../../../shared/config.ts';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { Document, DocumentVersion } from '../../../shared/db/entities/document.ts';
import { DocumentRequest } from '../../../shared/db/entities/document-request.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { once } from '../../../shared/db/idempotency.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { SYSTEM_ACTOR } from '../../../shared/domain/audit/actor.ts';
import { contentMatches, extensionOf } from '../../../shared/domain/documents/files.ts';
import { versionOfKey, type VersionRef } from '../../../shared/domain/documents/keys.ts';
import { CLEAN, foldScan, SCAN_RESULT_DETAIL_TYPE, SCAN_RESULTS, statusAfterScans, type ScanResult } from '../../../shared/domain/documents/scans.ts';
import { firstBytes, objectSha256 } from '../files.ts';

const database = databaseOf({ document: Document, version: DocumentVersion, request: DocumentRequest, audit: AuditEntry, outbox: OutboxEvent });
const logger = new Logger({ serviceName: 'document-scans' });

/** The part of GuardDuty's "Object Scan Result" detail this reads; the rest may grow. */
const scanResultDetail = z.object({
  s3ObjectDetails: z.object({ bucketName: z.string(), objectKey: z.string() }),
  scanResultDetails: z.object({
    scanResultStatus: z.enum(SCAN_RESULTS),
    threats: z.optional(z.nullable(z.array(z.object({ name: z.string() })))),
  }),
});

type Outcome = 'processed' | 'duplicate' | 'ignored' | 'skipped';

async function applyScan(ref: VersionRef, result: ScanResult, threats: string[], correlationId: string): Promise<'processed' | 'skipped'> {
  const { entities } = database();
  const documentKey = { tenantId: ref.tenantId, documentId: ref.documentId };
  const [{ data: version }, { data: document }] = await Promise.all([entities.version.get(ref).go(), entities.document.get(documentKey).go()]);
  if (!version || !document) return 'skipped';
  const scans = foldScan({ verdict: version.verdict, failures: version.scanFailures, threats: version.threats }, result, threats);
  const ext = extensionOf(version.name);
  // Read only once the scan let it be read; a type judged once stays judged.
  const typeMatches = version.typeMatches ?? (scans.verdict === CLEAN && ext ? contentMatches(ext, await firstBytes(version.objectKey)) : undefined);
  // Sent in parts, each part was checked by S3, the whole file not: it must be the SHA-256 its uploader declared.
  const checksumMatches =
    version.checksumMatches ?? (scans.verdict === CLEAN && version.uploadId ? (await objectSha256(version.objectKey)) === version.checksum : undefined);
  const status = statusAfterScans(scans, checksumMatches === false ? false : typeMatches);
  const at = new Date().toISOString();
  // The document serves its newest available version; until it has one, it shows how its first is doing,
  // and a served version found infected later stops it being served.
  const serves = status === 'available' && ref.versionNo >= (document.currentVersion ?? 0);
  const showsThis = serves || document.currentVersion === undefined || document.currentVersion === ref.versionNo;
  // The first clean file sent for an open request fulfils it.
  const answered =
    status === 'available' && document.documentRequestId
      ? (await entities.request.get({ tenantId: ref.tenantId, documentRequestId: document.documentRequestId }).go()).data
      : undefined;
  const fulfils = answered?.status === 'open' ? answered : undefined;
  const system = { tenantId: ref.tenantId, actorId: SYSTEM_ACTOR, actorRole: SYSTEM_ACTOR, correlationId };
  await commitTransaction(database(), (e) => [
    e.version
      .patch(ref)
      .set({
        status,
        scanFailures: scans.failures,
        lastScanAt: at,
        ...(scans.verdict && { verdict: scans.verdict }),
        ...(scans.threats?.length && { threats: scans.threats }),
        ...(typeMatches !== undefined && { typeMatches }),
        ...(checksumMatches !== undefined && { checksumMatches }),
      })
      .remove(['expiresAt'])
      // Folded into the state read: a result handled meanwhile makes this a conflict, and the retry folds into that one.
      .where((a, op) => op.eq(a.updatedAt, version.updatedAt))
      .commit(),
    ...(showsThis
      ? [
          e.document
            .patch(documentKey)
            .set({
              status,
              ...(serves && { currentVersion: ref.versionNo, name: version.name, size: version.size, mimeType: version.mimeType, checksum: version.checksum }),
            })
            .remove(['expiresAt'])
            .commit(),
        ]
      : []),
    ...(fulfils
      ? [
          e.request
            .patch({ tenantId: ref.tenantId, documentRequestId: fulfils.documentRequestId })
            .set({ status: 'fulfilled', fulfilledAt: at, documentIds: [ref.documentId], version: fulfils.version + 1 })
            .composite({ customerId: fulfils.customerId, dueDate: fulfils.dueDate, documentRequestId: fulfils.documentRequestId })
            .where((a, op) => op.eq(a.version, fulfils.version))
            .commit(),
          ...auditAndEvent(e, system, {
            action: 'document_request.fulfilled',
            entityType: 'document_request',
            entityId: fulfils.documentRequestId,
            customerId: fulfils.customerId,
            changes: [{ field: 'status', from: 'open', to: 'fulfilled' }],
            event: {
              type: 'document_request.fulfilled',
              detail: {
                documentRequestId: fulfils.documentRequestId,
                customerId: fulfils.customerId,
                title: fulfils.title,
                documentId: ref.documentId,
                requestedBy: fulfils.requestedBy,
              },
            },
          }),
        ]
      : []),
    ...auditAndEvent(e, system, {
      action: 'document.scanned',
      entityType: 'document',
      entityId: ref.documentId,
      customerId: document.customerId,
      changes: [{ field: `version ${ref.versionNo}`, from: version.status, to: status }],
      event: {
        type: 'document.scanned',
        detail: {
          documentId: ref.documentId,
          versionNo: ref.versionNo,
          customerId: document.customerId,
          name: version.name,
          status,
          uploadedBy: version.uploadedBy,
          ...(scans.threats?.length && { threats: scans.threats }),
        },
      },
    }),
  ]);
  return 'processed';
}

async function consume(event: EventBridgeEvent<string, unknown>): Promise<Outcome> {
  const parsed = scanResultDetail.safeParse(event.detail);
  if (!parsed.success) throw new Error(`A scan result without its object or result: ${parsed.error.message}`);
  const { s3ObjectDetails: object, scanResultDetails: scan } = parsed.data;
  const ref = versionOfKey(object.objectKey);
  // Another protected bucket of the account, or a key this portal did not make.
  if (object.bucketName !== documentsConfig().DOCUMENTS_BUCKET || !ref) return 'ignored';
  logger.appendKeys({ eventId: event.id, tenantId: ref.tenantId, documentId: ref.documentId, versionNo: ref.versionNo, result: scan.scanResultStatus });
  let outcome: Outcome = 'processed';
  // A failure counts once per event, however often the bus delivers it.
  const marked = await once({ tenantId: ref.tenantId, consumer: 'document-scans', eventId: event.id }, async () => {
    outcome = await applyScan(
      ref,
      scan.scanResultStatus,
      (scan.threats ?? []).map((t) => t.name),
      event.id,
    );
  });
  if (marked === 'duplicate') outcome = 'duplicate';
  logger.info('scan result handled', { outcome });
  return outcome;
}

export const handler = Object.assign(
  middy<EventBridgeEvent<string, unknown>, Outcome, Error, LambdaContext>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(consume),
  // What it reacts to, for the test that holds every consumer to the rules that feed it.
  { reactsTo: [SCAN_RESULT_DETAIL_TYPE] },
);
