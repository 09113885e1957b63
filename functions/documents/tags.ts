/**
 * Tags (shared/domain/documents/tags.ts): the document keeps them as typed, and each has a
 * DocumentTag item, so that a customer's documents with a tag are one Query a page, then one
 * batch read of those documents for what they are now.
 */
import type { EntityItem, Service } from 'electrodb';
import { Document } from '../../shared/db/entities/document.ts';
import { DocumentTag } from '../../shared/db/entities/document-tag.ts';
import { getAll } from '../../shared/db/batch.ts';
import { queryPage, type Page } from '../../shared/db/pagination.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { tagChanges, tagKey } from '../../shared/domain/documents/tags.ts';
import type { DocumentItem } from './access.ts';

const database = databaseOf({ document: Document, tag: DocumentTag });

/** The tag entity as a transaction's callback has it. */
type TagWrites = Parameters<Parameters<Service<{ tag: typeof DocumentTag }>['transaction']['write']>[0]>[0];

/** The tag items' writes for a transaction that changes the document's tags from what it has to `tags`. */
export function tagWrites(e: TagWrites, document: DocumentItem, tags: readonly string[]) {
  const { added, removed } = tagChanges(document.tags, tags);
  const key = { tenantId: document.tenantId, customerId: document.customerId, documentId: document.documentId, createdAt: document.createdAt };
  return [...added.map((k) => e.tag.put({ ...key, tagKey: k }).commit()), ...removed.map((k) => e.tag.delete({ ...key, tagKey: k }).commit())];
}

/**
 * A page of the customer's documents with the tag, newest first, between two dates when
 * given: one Query of the tag's items, one batch read of their documents. `shown` drops what
 * the caller may not see or the list does not show, so a page may hold fewer than `limit`.
 */
export async function documentsTagged(
  key: { tenantId: string; customerId: string },
  query: { tag: string; from?: string | undefined; to?: string | undefined; limit: number; cursor?: string | undefined },
  shown: (document: DocumentItem) => boolean,
): Promise<Page<DocumentItem>> {
  const { tag, document } = database().entities;
  const tagged = tag.query.byTag({ ...key, tagKey: tagKey(query.tag) });
  const ranged = query.from || query.to ? tagged.between({ createdAt: query.from ?? '0000' }, { createdAt: `${query.to ?? '9999'}~` }) : tagged;
  const page = await queryPage(
    query.cursor,
    (cursor) => ranged.go({ limit: query.limit, cursor, order: 'desc' }),
    (item: EntityItem<typeof DocumentTag>) => item,
  );
  if (!page.items.length) return { items: [], nextCursor: page.nextCursor };
  const found = await getAll(
    (keys) => document.get(keys).go(),
    page.items.map(({ documentId }) => ({ tenantId: key.tenantId, documentId })),
  );
  // In the tag's order: newest first.
  const byId = new Map(found.map((d) => [d.documentId, d]));
  const items = page.items.flatMap(({ documentId }) => byId.get(documentId) ?? []).filter(shown);
  return { items, nextCursor: page.nextCursor };
}
