/**
 * The quarantine console (admins, ADR 0029): the versions the scans hold back, newest first per
 * status (one Query a page, plus one batch read each of their documents and customers), and
 * what an admin does with one: discard it (its file is removed) or, when no scan could judge
 * it, have it scanned again. A threat is final and a file of the wrong type stays that type,
 * so neither is scanned again.
 */
import type { EntityItem } from 'electrodb';
import { conflict, notFound } from '../../shared/api/errors.ts';
import type { HeldVersionView } from '../../shared/api/schemas/documents.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Customer } from '../../shared/db/entities/customer.ts';
import { Document, DocumentVersion } from '../../shared/db/entities/document.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { queryPage } from '../../shared/db/pagination.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { HELD_STATUSES } from '../../shared/domain/documents/scans.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { removeObject, requestScan } from './files.ts';

const database = databaseOf({ document: Document, version: DocumentVersion, customer: Customer, audit: AuditEntry, outbox: OutboxEvent });

type Version = EntityItem<typeof DocumentVersion>;
type HeldStatus = (typeof HELD_STATUSES)[number];
const isHeld = (status: string): status is HeldStatus => (HELD_STATUSES as readonly string[]).includes(status);

export async function listHeldDocumentVersions(req: RequestOf<'listHeldDocumentVersions'>): Promise<ReplyOf<'listHeldDocumentVersions'>> {
  const { tenantId } = req.actor;
  const { limit, cursor, status = 'quarantined' } = req.query;
  const { entities } = database();
  const page = await queryPage(
    cursor,
    (from) => entities.version.query.byStatus({ tenantId, status }).go({ limit, cursor: from, order: 'desc' }),
    (v) => v,
  );
  const documentIds = [...new Set(page.items.map((v) => v.documentId))];
  const { data: documents } = documentIds.length ? await entities.document.get(documentIds.map((documentId) => ({ tenantId, documentId }))).go() : { data: [] };
  const customerOf = new Map(documents.map((d) => [d.documentId, d.customerId]));
  const customerIds = [...new Set(customerOf.values())];
  const { data: customers } = customerIds.length ? await entities.customer.get(customerIds.map((customerId) => ({ tenantId, customerId }))).go() : { data: [] };
  const nameOf = new Map(customers.map((c) => [c.customerId, c.name]));
  return {
    body: {
      nextCursor: page.nextCursor,
      items: page.items.map((v): HeldVersionView => {
        const customerId = customerOf.get(v.documentId) ?? '';
        return {
          documentId: v.documentId,
          versionNo: v.versionNo,
          customerId,
          customerName: nameOf.get(customerId) ?? '',
          name: v.name,
          size: v.size,
          mimeType: v.mimeType,
          status: v.status as HeldStatus,
          ...(v.threats?.length && { threats: v.threats }),
          scanFailures: v.scanFailures,
          ...(v.lastScanAt && { lastScanAt: v.lastScanAt }),
          uploadedByName: v.uploadedByName,
          createdAt: v.createdAt,
        };
      }),
    },
  };
}

/** The held version named by the path, with its document; any other is not found (another firm's included). */
async function heldVersion(req: { actor: { tenantId: string }; params: { documentId: string; versionNo: string } }) {
  const ref = { tenantId: req.actor.tenantId, documentId: req.params.documentId, versionNo: Number(req.params.versionNo) };
  const { entities } = database();
  const [{ data: version }, { data: document }] = await Promise.all([
    entities.version.get(ref).go(),
    entities.document.get({ tenantId: ref.tenantId, documentId: ref.documentId }).go(),
  ]);
  if (!version || !document) throw notFound('Document version');
  if (!isHeld(version.status)) throw conflict(`Version ${ref.versionNo} of ${version.name} is ${version.status}, not held back by its scan.`);
  return { ref, version: version as Version & { status: HeldStatus }, document };
}

const RACED = 'This version changed at the same moment (a scan result, or another admin). Reload and try again.';

export async function discardDocumentVersion(req: RequestOf<'discardDocumentVersion'>): Promise<ReplyOf<'discardDocumentVersion'>> {
  const { ref, version, document } = await heldVersion(req);
  // The file goes first: if the write below fails, the version is still listed and discarding it again is safe.
  await removeObject(version.objectKey);
  // A document that never had a served version is nothing without this one.
  const documentGone = document.currentVersion === undefined && document.latestVersion === ref.versionNo;
  await commitTransaction(
    database(),
    (e) => [
      e.version
        .patch(ref)
        .set({ status: 'discarded' })
        .where((a, op) => op.eq(a.updatedAt, version.updatedAt))
        .commit(),
      ...(documentGone ? [e.document.patch({ tenantId: ref.tenantId, documentId: ref.documentId }).set({ status: 'deleted' }).commit()] : []),
      ...auditAndEvent(e, changeContext(req), {
        action: 'document.version_discarded',
        entityType: 'document',
        entityId: ref.documentId,
        customerId: document.customerId,
        changes: [{ field: `version ${ref.versionNo}`, from: version.status, to: 'discarded' }],
        event: {
          type: 'document.version_discarded',
          detail: { documentId: ref.documentId, versionNo: ref.versionNo, customerId: document.customerId, name: version.name, status: version.status },
        },
      }),
    ],
    RACED,
  );
  return { status: 204 };
}

export async function rescanDocumentVersion(req: RequestOf<'rescanDocumentVersion'>): Promise<ReplyOf<'rescanDocumentVersion'>> {
  const { ref, version, document } = await heldVersion(req);
  if (version.status === 'quarantined') throw conflict(`${version.name} contains malware: that finding is final, so it is not scanned again.`);
  if (version.status === 'rejected') throw conflict(`${version.name} is not the type of file its name says; another scan would not change that.`);
  const showsThis = document.currentVersion === undefined || document.currentVersion === ref.versionNo;
  await commitTransaction(
    database(),
    (e) => [
      // Its tries start again; the rescan job also retries it if the request below is lost.
      e.version
        .patch(ref)
        .set({ status: 'scanning', scanFailures: 0 })
        .where((a, op) => op.eq(a.updatedAt, version.updatedAt))
        .commit(),
      ...(showsThis ? [e.document.patch({ tenantId: ref.tenantId, documentId: ref.documentId }).set({ status: 'scanning' }).commit()] : []),
      ...auditAndEvent(e, changeContext(req), {
        action: 'document.rescan_requested',
        entityType: 'document',
        entityId: ref.documentId,
        customerId: document.customerId,
        changes: [{ field: `version ${ref.versionNo}`, from: version.status, to: 'scanning' }],
        event: {
          type: 'document.rescan_requested',
          detail: { documentId: ref.documentId, versionNo: ref.versionNo, customerId: document.customerId, name: version.name },
        },
      }),
    ],
    RACED,
  );
  await requestScan(version.objectKey);
  return { status: 204 };
}
