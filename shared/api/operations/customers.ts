/** Customers: the Clients pages of the firm and a customer's 360° page. Who sees which customer is decided per object (functions/customers). */
import type { OperationDef } from '../operations.ts';

export const CUSTOMERS_OPERATIONS = [
  { operationId: 'listCustomers', method: 'GET', path: '/api/customers', lambda: 'customers', access: 'customers.read.assigned' },
  { operationId: 'createCustomer', method: 'POST', path: '/api/customers', lambda: 'customers', access: 'customers.manage', success: [201] },
  { operationId: 'getCustomer', method: 'GET', path: '/api/customers/{customerId}', lambda: 'customers', access: 'customers.read.assigned' },
  { operationId: 'updateCustomer', method: 'PATCH', path: '/api/customers/{customerId}', lambda: 'customers', access: 'customers.manage' },
  { operationId: 'updateContact', method: 'PATCH', path: '/api/customers/{customerId}/contacts/{userId}', lambda: 'customers', access: 'customers.manage' },
  { operationId: 'listCustomerBookings', method: 'GET', path: '/api/customers/{customerId}/bookings', lambda: 'customers', access: 'customers.read.assigned' },
  { operationId: 'listCustomerTimeline', method: 'GET', path: '/api/customers/{customerId}/timeline', lambda: 'customers', access: 'customers.read.assigned' },
  // A client's own organisation: anyone signed in asks; only a customer's contacts get an answer (functions/customers/organisation.ts).
  { operationId: 'getOrganisation', method: 'GET', path: '/api/organisation', lambda: 'customers', access: 'signed-in' },
  { operationId: 'updateColleague', method: 'PATCH', path: '/api/organisation/contacts/{userId}', lambda: 'customers', access: 'signed-in' },
  { operationId: 'mergeCustomers', method: 'POST', path: '/api/customers/{customerId}/merge', lambda: 'customers', access: 'customers.manage' },
] as const satisfies readonly OperationDef[];
