/**
 * Documents attached to requests and comments (ADR 0031): checked when attached, shown as the
 * reader may see them now. Staff who may read a request may open its customer's documents
 * (functions/customers/access.ts: an assignee works for the customer); a contact sees those
 * their access reaches.
 */
import type { EntityItem } from 'electrodb';
import { validationFailed, type FieldProblem } from '../../shared/api/errors.ts';
import type { AttachmentView } from '../../shared/api/schemas/request.ts';
import { Document } from '../../shared/db/entities/document.ts';
import { getAll } from '../../shared/db/batch.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { contactMaySeeDocument } from '../../shared/domain/documents/access.ts';
import { attachmentState, whyNotAttachable, type Attachment } from '../../shared/domain/documents/attachments.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';

type DocumentItem = EntityItem<typeof Document>;

const database = databaseOf({ document: Document });

/** The firm's documents of these ids that exist, in one batch read. */
async function documentsById(tenantId: string, ids: readonly string[]): Promise<Map<string, DocumentItem>> {
  const keys = [...new Set(ids)].map((documentId) => ({ tenantId, documentId }));
  const found = await getAll((batch) => database().entities.document.get(batch).go(), keys);
  return new Map(found.map((d) => [d.documentId, d]));
}

const maySee = (actor: AuthenticatedActor, d: DocumentItem) => isStaff(actor.role) || (!!actor.contact && contactMaySeeDocument(actor.contact, d));

/**
 * The documents to attach, as kept. Each must be the customer's and one the caller may see
 * (another firm's or customer's is "not a document of this client", as if it did not exist),
 * not held or removed; a staff-only one goes into an internal note only.
 */
export async function attachmentsFor(
  actor: AuthenticatedActor,
  to: { customerId: string | undefined; internal: boolean },
  ids: readonly string[],
): Promise<Attachment[]> {
  if (!ids.length) return [];
  if (!to.customerId)
    throw validationFailed([
      { field: 'attachments', message: 'cannot be added: there is no customer to keep documents for (a lead’s conversation, or a request of nobody’s)' },
    ]);
  const found = await documentsById(actor.tenantId, ids);
  const problems = ids.flatMap((documentId, i): FieldProblem[] => {
    const field = `attachments.${i}`;
    const d = found.get(documentId);
    if (!d || d.customerId !== to.customerId || d.status === 'deleted' || !maySee(actor, d))
      return [{ field, message: 'is not a document of this client that you may see' }];
    const why = whyNotAttachable(d.status);
    if (why) return [{ field, message: why }];
    if (d.accessLevel === 'internal' && !to.internal) return [{ field, message: 'is for staff only: attach it to an internal note' }];
    return [];
  });
  if (problems.length) throw validationFailed(problems);
  return ids.map((documentId) => ({ documentId, name: found.get(documentId)!.name }));
}

/**
 * Lists of attachments as the reader sees them now, in one batch read: each document's name
 * and state, a removed one as unavailable, one the reader may not see left out.
 */
export async function attachmentViews(actor: AuthenticatedActor, lists: readonly (readonly Attachment[] | undefined)[]): Promise<AttachmentView[][]> {
  const ids = lists.flatMap((list) => (list ?? []).flatMap((a) => (a.documentId ? [a.documentId] : [])));
  const found = ids.length ? await documentsById(actor.tenantId, ids) : new Map<string, DocumentItem>();
  return lists.map((list) =>
    (list ?? []).flatMap((a): AttachmentView[] => {
      if (!a.documentId) return [{ name: a.name, state: 'named' }];
      const d = found.get(a.documentId);
      if (d && !maySee(actor, d)) return [];
      if (!d || d.status === 'deleted') return [{ documentId: a.documentId, name: a.name, state: 'unavailable' }];
      return [{ documentId: d.documentId, name: d.name, state: attachmentState(d.status) }];
    }),
  );
}
