/**
 * The firm's catalogs, kept by admins: its services (what clients can request, public per firm),
 * its task templates (how the work is usually broken down) and its promo codes for bookings.
 */
import type { OperationDef } from '../operations.ts';

export const CATALOG_OPERATIONS = [
  { operationId: 'listServices', method: 'GET', path: '/api/services', context: 'catalog', access: 'signed-in' },
  { operationId: 'getService', method: 'GET', path: '/api/services/{serviceId}', context: 'catalog', access: 'signed-in' },
  { operationId: 'createService', method: 'POST', path: '/api/services', context: 'catalog', access: 'services.manage', success: [201] },
  { operationId: 'updateService', method: 'PATCH', path: '/api/services/{serviceId}', context: 'catalog', access: 'services.manage' },
  { operationId: 'updateServiceBooking', method: 'PUT', path: '/api/services/{serviceId}/booking', context: 'catalog', access: 'services.manage' },
  { operationId: 'getCatalog', method: 'GET', path: '/api/catalog/{firmSlug}', context: 'catalog', access: 'public' },
  { operationId: 'listTaskTemplates', method: 'GET', path: '/api/task-templates', context: 'catalog', access: 'tasks.create' },
  { operationId: 'listTaskTemplateCategories', method: 'GET', path: '/api/task-templates/categories', context: 'catalog', access: 'tasks.create' },
  { operationId: 'getTaskTemplate', method: 'GET', path: '/api/task-templates/{templateId}', context: 'catalog', access: 'tasks.create' },
  { operationId: 'createTaskTemplate', method: 'POST', path: '/api/task-templates', context: 'catalog', access: 'task_templates.manage', success: [201] },
  { operationId: 'updateTaskTemplate', method: 'PATCH', path: '/api/task-templates/{templateId}', context: 'catalog', access: 'task_templates.manage' },
  { operationId: 'listPromoCodes', method: 'GET', path: '/api/promo-codes', context: 'catalog', access: 'services.manage' },
  { operationId: 'createPromoCode', method: 'POST', path: '/api/promo-codes', context: 'catalog', access: 'services.manage', success: [201] },
  { operationId: 'updatePromoCode', method: 'PUT', path: '/api/promo-codes/{code}', context: 'catalog', access: 'services.manage' },
  { operationId: 'deleteTaskTemplate', method: 'DELETE', path: '/api/task-templates/{templateId}', context: 'catalog', access: 'task_templates.manage' },
] as const satisfies readonly OperationDef[];
