/** Which documents a caller may see, and under which customer they may upload. */
import type { EntityItem } from 'electrodb';
import type { DocumentView } from '../../shared/api/schemas/documents.ts';
import { AppError, notFound } from '../../shared/api/errors.ts';
import { Document } from '../../shared/db/entities/document.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { contactMaySeeDocument } from '../../shared/domain/documents/access.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import { openableCustomer } from '../customers/access.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';

export type DocumentItem = EntityItem<typeof Document>;

const database = databaseOf({ document: Document });

/** What callers are shown of a document: not its keys, expiry, revision or links kept for later features. */
export const documentView = ({
  tenantId: _t,
  expiresAt: _e,
  version: _v,
  requestId: _r,
  bookingId: _b,
  category: _c,
  documentRequestId: _d,
  ...d
}: DocumentItem): DocumentView => d;

/** The document the caller may see; another firm's, another customer's, one their access does not reach or a deleted one: not found, so its existence is not told. */
export async function documentFor(actor: AuthenticatedActor, documentId: string): Promise<DocumentItem> {
  const { data } = await database().entities.document.get({ tenantId: actor.tenantId, documentId }).go();
  if (!data || data.status === 'deleted' || !(await maySee(actor, data))) throw notFound('Document');
  return data;
}

/**
 * The customer whose documents the caller works with: a client's own (any other is not found),
 * or one a member of staff may open (leads and admins any, a team member those they work for).
 */
export async function customerFor(actor: AuthenticatedActor, customerId: string | undefined): Promise<string> {
  if (!isStaff(actor.role)) {
    if (!actor.contact || (customerId && customerId !== actor.contact.customerId)) throw notFound('Customer');
    return actor.contact.customerId;
  }
  if (!customerId) throw notFound('Customer');
  return (await openableCustomer(actor, customerId)).customerId;
}

/** Whether the caller may see the document: staff by its customer, a contact by its access level. */
export async function maySee(actor: AuthenticatedActor, document: DocumentItem): Promise<boolean> {
  if (!isStaff(actor.role)) return !!actor.contact && contactMaySeeDocument(actor.contact, document);
  return customerFor(actor, document.customerId).then(
    () => true,
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return false;
      throw error;
    },
  );
}
