/**
 * The firm's catalogs, kept by admins: its services (what clients can request, public per firm),
 * its task templates (how the work is usually broken down) and its promo codes for bookings.
 */
import type { OperationDef } from '../operations.ts';

export const CATALOG_OPERATIONS = [
  { operationId: 'listServices', method: 'GET', path: '/api/services', lambda: 'catalog', access: 'signed-in' },
  { operationId: 'getService', method: 'GET', path: '/api/services/{serviceId}', lambda: 'catalog', access: 'signed-in' },
  { operationId: 'createService', method: 'POST', path: '/api/services', lambda: 'catalog', access: 'services.manage', success: [201] },
  { operationId: 'updateService', method: 'PATCH', path: '/api/services/{serviceId}', lambda: 'catalog', access: 'services.manage' },
  { operationId: 'updateServiceBooking', method: 'PUT', path: '/api/services/{serviceId}/booking', lambda: 'catalog', access: 'services.manage' },
  { operationId: 'getFirmBrand', method: 'GET', path: '/api/firm/brand', lambda: 'catalog', access: 'settings.manage' },
  { operationId: 'updateFirmBrand', method: 'PATCH', path: '/api/firm/brand', lambda: 'catalog', access: 'settings.manage' },
  { operationId: 'getCatalog', method: 'GET', path: '/api/catalog/{firmSlug}', lambda: 'catalog', access: 'public' },
  { operationId: 'listTaskTemplates', method: 'GET', path: '/api/task-templates', lambda: 'catalog', access: 'tasks.create' },
  { operationId: 'listTaskTemplateCategories', method: 'GET', path: '/api/task-templates/categories', lambda: 'catalog', access: 'tasks.create' },
  { operationId: 'getTaskTemplate', method: 'GET', path: '/api/task-templates/{templateId}', lambda: 'catalog', access: 'tasks.create' },
  { operationId: 'createTaskTemplate', method: 'POST', path: '/api/task-templates', lambda: 'catalog', access: 'task_templates.manage', success: [201] },
  { operationId: 'updateTaskTemplate', method: 'PATCH', path: '/api/task-templates/{templateId}', lambda: 'catalog', access: 'task_templates.manage' },
  { operationId: 'listPromoCodes', method: 'GET', path: '/api/promo-codes', lambda: 'catalog', access: 'services.manage' },
  { operationId: 'createPromoCode', method: 'POST', path: '/api/promo-codes', lambda: 'catalog', access: 'services.manage', success: [201] },
  { operationId: 'updatePromoCode', method: 'PUT', path: '/api/promo-codes/{code}', lambda: 'catalog', access: 'services.manage' },
  { operationId: 'deleteTaskTemplate', method: 'DELETE', path: '/api/task-templates/{templateId}', lambda: 'catalog', access: 'task_templates.manage' },
] as const satisfies readonly OperationDef[];
