/** Support tickets: made from conversations or raised in the portal, one entity for both (ADR 0033). */
import type { OperationDef } from '../operations.ts';

const ONE = '/api/tickets/{ticketId}' as const;

export const TICKETS_OPERATIONS = [
  { operationId: 'listTickets', method: 'GET', path: '/api/tickets', lambda: 'tickets', access: 'conversations.participate' },
  { operationId: 'createTicket', method: 'POST', path: '/api/tickets', lambda: 'tickets', access: 'conversations.participate', success: [201] },
  // Before /{ticketId}: the local gateway matches in this order.
  { operationId: 'getSupportSummary', method: 'GET', path: '/api/tickets/summary', lambda: 'tickets', access: 'conversations.read.all' },
  { operationId: 'getTicket', method: 'GET', path: ONE, lambda: 'tickets', access: 'conversations.participate' },
  { operationId: 'updateTicket', method: 'PATCH', path: ONE, lambda: 'tickets', access: 'conversations.participate' },
  {
    operationId: 'addTicketComment',
    method: 'POST',
    path: `${ONE}/comments`,
    lambda: 'tickets',
    access: 'conversations.participate',
    success: [201],
  },
] as const satisfies readonly OperationDef[];
