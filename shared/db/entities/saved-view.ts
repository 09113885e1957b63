import { SAVED_VIEW_LISTS } from '../../domain/views/saved-views.ts';
import { Entity } from '../entity.ts';

/**
 * A person's saved filters for a list (shared/domain/views). Keyed under the person, so one
 * Query reads all of theirs for a list and nobody else's can be addressed.
 */
export const SavedView = new Entity({
  model: { entity: 'savedView', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    list: { type: SAVED_VIEW_LISTS, required: true, readOnly: true },
    viewId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    /** The list's filters, as its list operation takes them (checked by the API's schema). */
    filters: { type: 'any', required: true },
    createdAt: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byPerson: {
      pk: { field: 'pk', composite: ['tenantId', 'userId'], template: 't#${tenantId}#u#${userId}#views', casing: 'none' },
      sk: { field: 'sk', composite: ['list', 'viewId'], template: 'view#${list}#${viewId}', casing: 'none' },
    },
  },
});
