/**
 * Task templates: admins keep them, leads and admins make tasks from them (functions/tasks). A firm has at most
 * MAX_TEMPLATES, counted in the same transaction as each create and delete, so the category
 * list (read from the by-category index) stays one small read.
 */
import { randomUUID } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { AppError, conflict, notFound } from '../../shared/api/errors.ts';
import type { TaskTemplateView } from '../../shared/api/schemas/catalog.ts';
import { TEMPLATE_COUNTER, type TaskTemplate } from '../../shared/db/entities/task-template.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { queryPage } from '../../shared/db/pagination.ts';
import { diffFields } from '../../shared/domain/audit/diff.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf, SignedInRequest, WithParams } from '../lib/http.ts';
import { database } from './db.ts';

export const MAX_TEMPLATES = 200;

type TemplateItem = EntityItem<typeof TaskTemplate>;

const toView = ({ tenantId: _t, createdAt: _c, ...view }: TemplateItem): TaskTemplateView => view;

/** What the audit log shows of a template. */
const audited = (t: Partial<TemplateItem>) => ({
  name: t.name,
  category: t.category,
  defaultAssigneeRole: t.defaultAssigneeRole,
  estimatedHours: t.estimatedHours,
  checklist: t.checklist,
  requiredSkills: t.requiredSkills,
  description: t.description,
});

async function templateOfPath(req: SignedInRequest & WithParams<'templateId'>): Promise<TemplateItem> {
  const { data } = await database().entities.template.get({ tenantId: req.actor.tenantId, templateId: req.params.templateId }).go();
  if (!data) throw notFound('Task template');
  return data;
}

export async function listTaskTemplates(req: RequestOf<'listTaskTemplates'>): Promise<ReplyOf<'listTaskTemplates'>> {
  const { tenantId } = req.actor;
  const { limit, cursor, category } = req.query;
  const { template } = database().entities;
  const page = await queryPage(cursor, (from) => template.query.byCategory({ tenantId, ...(category && { category }) }).go({ limit, cursor: from }), toView);
  return { body: page };
}

export async function listTaskTemplateCategories(req: RequestOf<'listTaskTemplateCategories'>): Promise<ReplyOf<'listTaskTemplateCategories'>> {
  const { tenantId } = req.actor;
  const { data } = await database()
    .entities.template.query.byCategory({ tenantId })
    .go({ pages: 'all', attributes: ['category'] });
  return { body: { categories: [...new Set(data.map((t) => t.category))] } };
}

export async function getTaskTemplate(req: RequestOf<'getTaskTemplate'>): Promise<ReplyOf<'getTaskTemplate'>> {
  return { body: toView(await templateOfPath(req)) };
}

export async function createTaskTemplate(req: RequestOf<'createTaskTemplate'>): Promise<ReplyOf<'createTaskTemplate'>> {
  const { tenantId } = req.actor;
  const now = new Date().toISOString();
  const item: TemplateItem = { ...req.body, tenantId, templateId: randomUUID(), createdAt: now, updatedAt: now, version: 1 };
  try {
    await commitTransaction(database(), (entities) => [
      entities.template.create(item).commit(),
      entities.counter
        .update({ tenantId, name: TEMPLATE_COUNTER })
        .add({ value: 1 })
        .where((a, op) => `${op.notExists(a.value)} OR ${op.lt(a.value, MAX_TEMPLATES)}`)
        .commit(),
      ...auditAndEvent(entities, changeContext(req), {
        action: 'task_template.created',
        entityType: 'task_template',
        entityId: item.templateId,
        changes: diffFields({}, audited(item)),
      }),
    ]);
  } catch (error) {
    // The only condition a new template can fail is the firm's limit.
    if (error instanceof AppError && error.code === 'conflict')
      throw new AppError('unprocessable', `A firm can keep at most ${MAX_TEMPLATES} task templates. Delete one you no longer use first.`);
    throw error;
  }
  return { status: 201, body: toView(item) };
}

export async function updateTaskTemplate(req: RequestOf<'updateTaskTemplate'>): Promise<ReplyOf<'updateTaskTemplate'>> {
  const current = await templateOfPath(req);
  const { version, ...fields } = req.body;
  const message = `${current.name} was changed by someone else meanwhile. Reload to see those changes, then try again.`;
  if (version !== current.version) throw conflict(message);
  const next: TemplateItem = { ...current, ...fields, version: current.version + 1 };
  const changes = diffFields(audited(current), audited(next));
  if (!changes.length) return { body: toView(current) };
  await commitTransaction(
    database(),
    (entities) => [
      // A whole-item put keeps the by-category index in step with category and name.
      entities.template
        .put(next)
        .where((a, op) => op.eq(a.version, version))
        .commit(),
      ...auditAndEvent(entities, changeContext(req), { action: 'task_template.updated', entityType: 'task_template', entityId: current.templateId, changes }),
    ],
    message,
  );
  return { body: toView(next) };
}

export async function deleteTaskTemplate(req: RequestOf<'deleteTaskTemplate'>): Promise<ReplyOf<'deleteTaskTemplate'>> {
  const current = await templateOfPath(req);
  await commitTransaction(
    database(),
    (entities) => [
      entities.template
        .delete({ tenantId: current.tenantId, templateId: current.templateId })
        .where((a, op) => op.eq(a.version, current.version))
        .commit(),
      entities.counter.update({ tenantId: current.tenantId, name: TEMPLATE_COUNTER }).add({ value: -1 }).commit(),
      ...auditAndEvent(entities, changeContext(req), {
        action: 'task_template.deleted',
        entityType: 'task_template',
        entityId: current.templateId,
        changes: diffFields(audited(current), {}),
      }),
    ],
    `${current.name} was changed by someone else meanwhile. Reload and try again.`,
  );
  return {};
}
