/**
 * Staff remove a document (ADR 0029): at once out of every list, link and share, and its files
 * deleted from the bucket, where versioning keeps them as noncurrent versions, which no link
 * reaches, until the lifecycle expires them after the retention period. The audit keeps who.
 */
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Document, DocumentVersion } from '../../shared/db/entities/document.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { documentFor } from './access.ts';
import { removeObject } from './files.ts';

const database = databaseOf({ document: Document, version: DocumentVersion, audit: AuditEntry, outbox: OutboxEvent });

export async function deleteDocument(req: RequestOf<'deleteDocument'>): Promise<ReplyOf<'deleteDocument'>> {
  const document = await documentFor(req.actor, req.params.documentId);
  const { tenantId, documentId, customerId } = document;
  const { data: versions } = await database().entities.version.query.byDocument({ tenantId, documentId }).go({ pages: 'all' });
  await commitTransaction(
    database(),
    (e) => [
      e.document
        .patch({ tenantId, documentId })
        .set({ status: 'deleted', version: document.version + 1 })
        .where((a, op) => op.eq(a.version, document.version))
        .commit(),
      ...auditAndEvent(e, changeContext(req), {
        action: 'document.deleted',
        entityType: 'document',
        entityId: documentId,
        customerId,
        changes: [{ field: 'status', from: document.status, to: 'deleted' }],
        event: { type: 'document.deleted', detail: { documentId, customerId, name: document.name } },
      }),
    ],
    'Someone changed this document at the same moment. Reload and try again.',
  );
  // After the record: were this to fail, the files stay where no route reaches a deleted document.
  await Promise.all([...new Set(versions.map((v) => v.objectKey))].map(removeObject));
  return { status: 204 };
}
