import { Entity } from '../entity.ts';

/**
 * A reusable piece of work (e.g. "Tax Return Preparation"): a task made from it copies its
 * title, steps, hours and skills, so editing or deleting a template never changes tasks.
 */
/** The per-firm counter (counter.ts) of templates, which caps how many a firm keeps. */
export const TEMPLATE_COUNTER = 'task-templates';

export const TaskTemplate = new Entity({
  model: { entity: 'taskTemplate', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    templateId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    description: { type: 'string', required: true, default: '' },
    category: { type: 'string', required: true },
    defaultAssigneeRole: { type: ['TEAM_MEMBER', 'TEAM_LEAD'] as const, required: true, default: 'TEAM_MEMBER' },
    estimatedHours: { type: 'number', required: true },
    checklist: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
    requiredSkills: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: '*' },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}' },
      sk: { field: 'sk', composite: ['templateId'], template: 'task-template#${templateId}' },
    },
    // By category, then name: the list page and the category list.
    byCategory: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId'], template: 't#${tenantId}#task-templates' },
      sk: { field: 'gsi1sk', composite: ['category', 'name', 'templateId'], template: '${category}#${name}#${templateId}' },
    },
  },
});
