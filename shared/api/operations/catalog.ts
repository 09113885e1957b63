/** The firm's service catalog: what clients can request, managed by admins, public per firm. */
import type { OperationDef } from '../operations.ts';

export const CATALOG_OPERATIONS = [
  { operationId: 'listServices', method: 'GET', path: '/api/services', context: 'catalog', access: 'signed-in', summary: "The firm's services by name (clients see the active ones only)" },
  { operationId: 'getService', method: 'GET', path: '/api/services/{serviceId}', context: 'catalog', access: 'signed-in', summary: 'One service, with the questions a request answers' },
  { operationId: 'createService', method: 'POST', path: '/api/services', context: 'catalog', access: 'services.manage', summary: 'Add a service to the catalog' },
  { operationId: 'updateService', method: 'PATCH', path: '/api/services/{serviceId}', context: 'catalog', access: 'services.manage', summary: 'Change a service, or make it inactive or deprecated (optimistic: send the version you saw)' },
  { operationId: 'getCatalog', method: 'GET', path: '/api/catalog/{firmSlug}', context: 'catalog', access: 'public', summary: "A firm's public catalog: its active services" },
] as const satisfies readonly OperationDef[];
