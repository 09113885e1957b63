/**
 * Saved views: each person's named filters for a list. Everything is keyed under the caller,
 * so another person's view cannot be named, let alone read or deleted. A list's views are one
 * Query (there are at most MAX_SAVED_VIEWS); the name and count checks read that same Query.
 */
import type { EntityItem } from 'electrodb';
import { randomUUID } from 'node:crypto';
import { conflict, notFound, validationFailed } from '../../../shared/api/errors.ts';
import { VIEWS_OPERATIONS } from '../../../shared/api/operations/views.ts';
import { VIEWS_SCHEMAS, type SavedViewView } from '../../../shared/api/schemas/views.ts';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { SavedView } from '../../../shared/db/entities/saved-view.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { queryPage } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { MAX_SAVED_VIEWS, savedViewProblem, type SavedViewList } from '../../../shared/domain/views/saved-views.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';

const database = databaseOf({ view: SavedView, audit: AuditEntry, outbox: OutboxEvent });

type ViewItem = EntityItem<typeof SavedView>;

const toView = (v: ViewItem): SavedViewView => ({ viewId: v.viewId, list: v.list, name: v.name, filters: v.filters, createdAt: v.createdAt });

const viewsOf = (tenantId: string, userId: string, list: SavedViewList) => database().entities.view.query.byPerson({ tenantId, userId }).begins({ list });

async function listSavedViews(req: RequestOf<'listSavedViews'>): Promise<ReplyOf<'listSavedViews'>> {
  const { tenantId, userId } = req.actor;
  const { list, limit, cursor } = req.query;
  return { body: await queryPage(cursor, (from) => viewsOf(tenantId, userId, list).go({ limit, cursor: from }), toView) };
}

async function createSavedView(req: RequestOf<'createSavedView'>): Promise<ReplyOf<'createSavedView'>> {
  const { tenantId, userId } = req.actor;
  const { list, name, filters } = req.body;
  const { data: existing } = await viewsOf(tenantId, userId, list).go({ pages: 'all' });
  const problem = savedViewProblem(
    existing.map((v) => v.name),
    name,
  );
  if (problem === 'name_taken') throw validationFailed([{ field: 'name', message: 'is already the name of one of your views of this list', rule: 'invalid' }]);
  if (problem === 'too_many') throw conflict(`You have ${MAX_SAVED_VIEWS} saved views of this list. Delete one to save another.`);
  const view: ViewItem = { tenantId, userId, list, viewId: randomUUID(), name, filters, createdAt: new Date().toISOString() };
  await commitTransaction(database(), (entities) => [
    entities.view.create(view).commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'view.saved',
      entityType: 'saved_view',
      entityId: view.viewId,
      changes: [
        { field: 'name', from: null, to: name },
        { field: 'filters', from: null, to: filters },
      ],
      event: { type: 'view.saved', detail: { userId, viewId: view.viewId, list, name } },
    }),
  ]);
  return { status: 201, body: toView(view) };
}

async function deleteSavedView(req: RequestOf<'deleteSavedView'>): Promise<ReplyOf<'deleteSavedView'>> {
  const { tenantId, userId } = req.actor;
  const { viewId } = req.params;
  // The id alone does not say which list: the person's views are few, so read them and find it.
  const { data: views } = await database().entities.view.query.byPerson({ tenantId, userId }).go({ pages: 'all' });
  const view = views.find((v) => v.viewId === viewId);
  if (!view) throw notFound('Saved view');
  await commitTransaction(database(), (entities) => [
    entities.view.delete({ tenantId, userId, list: view.list, viewId }).commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'view.deleted',
      entityType: 'saved_view',
      entityId: viewId,
      changes: [{ field: 'name', from: view.name, to: null }],
      event: { type: 'view.deleted', detail: { userId, viewId, list: view.list } },
    }),
  ]);
  return {};
}

export const handler = contextHandler({
  routes: VIEWS_OPERATIONS,
  schemas: VIEWS_SCHEMAS,
  operations: { listSavedViews, createSavedView, deleteSavedView },
  authenticate: actorFromClaims,
});
