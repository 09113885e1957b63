/** Saved views (shared/domain/views): a name and the filters of one list. */
import * as z from 'zod/mini';
import { MAX_VIEW_NAME, SAVED_VIEW_LISTS } from '../../domain/views/saved-views.ts';
import { page, pageQuery, personName } from './common.ts';
import { requestFilters, requestListOrder } from './request.ts';
import type { Schemas } from './types.ts';

const list = z.enum(SAVED_VIEW_LISTS, { error: `must be one of: ${SAVED_VIEW_LISTS.join(', ')}` });

/** What GET /api/requests is narrowed by, and its order; nothing else is kept. */
const requestListFilters = z.strictObject({
  ...requestFilters,
  ...requestListOrder,
});

export const savedView = z.object({
  viewId: z.string(),
  list,
  name: z.string(),
  filters: requestListFilters,
  createdAt: z.string(),
});
export type SavedViewView = z.infer<typeof savedView>;

export const createSavedViewInput = z.object({ list, name: personName(MAX_VIEW_NAME), filters: requestListFilters });

/** The views context's operations → schemas. */
export const VIEWS_SCHEMAS = {
  listSavedViews: { query: z.extend(pageQuery, { list }), response: page(savedView) },
  createSavedView: { body: createSavedViewInput, response: savedView },
  deleteSavedView: {},
} satisfies Record<string, Schemas>;
