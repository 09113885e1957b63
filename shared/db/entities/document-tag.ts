import { Entity } from '../entity.ts';

/**
 * One tag of one document, so that a customer's documents with a tag are one Query (a list
 * attribute cannot be indexed). Written with the document's tags, in one transaction; newest
 * document first, as a search by date lists them.
 */
export const DocumentTag = new Entity({
  model: { entity: 'documentTag', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    customerId: { type: 'string', required: true, readOnly: true },
    /** shared/domain/documents/tags.ts: the tag in lower case. */
    tagKey: { type: 'string', required: true, readOnly: true },
    documentId: { type: 'string', required: true, readOnly: true },
    /** The document's. */
    createdAt: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byTag: {
      pk: { field: 'pk', composite: ['tenantId', 'customerId', 'tagKey'], template: 't#${tenantId}#document-tag#${customerId}#${tagKey}', casing: 'none' },
      sk: { field: 'sk', composite: ['createdAt', 'documentId'], template: '${createdAt}#${documentId}', casing: 'none' },
    },
  },
});
