/** Conversations between customers (or leads) and the firm's staff, and their messages (ADR 0033). */
import type { OperationDef } from '../operations.ts';

const ONE = '/api/conversations/{conversationId}' as const;

export const CONVERSATIONS_OPERATIONS = [
  { operationId: 'listConversations', method: 'GET', path: '/api/conversations', lambda: 'conversations', access: 'conversations.participate' },
  {
    operationId: 'startConversation',
    method: 'POST',
    path: '/api/conversations',
    lambda: 'conversations',
    access: 'conversations.participate',
    success: [200, 201],
  },
  // Before /{conversationId}: the local gateway matches in this order.
  { operationId: 'getConversationUnread', method: 'GET', path: '/api/conversations/unread', lambda: 'conversations', access: 'conversations.participate' },
  { operationId: 'listConversationAssignees', method: 'GET', path: '/api/conversations/assignees', lambda: 'conversations', access: 'conversations.assign' },
  {
    operationId: 'getConversationSettings',
    method: 'GET',
    path: '/api/firm/conversation-settings',
    lambda: 'conversations',
    access: 'conversations.participate',
  },
  { operationId: 'updateConversationSettings', method: 'PATCH', path: '/api/firm/conversation-settings', lambda: 'conversations', access: 'settings.manage' },
  { operationId: 'getConversation', method: 'GET', path: ONE, lambda: 'conversations', access: 'conversations.participate' },
  { operationId: 'updateConversation', method: 'PATCH', path: ONE, lambda: 'conversations', access: 'conversations.participate' },
  { operationId: 'listConversationMessages', method: 'GET', path: `${ONE}/messages`, lambda: 'conversations', access: 'conversations.participate' },
  {
    operationId: 'sendConversationMessage',
    method: 'POST',
    path: `${ONE}/messages`,
    lambda: 'conversations',
    access: 'conversations.participate',
    success: [200, 201],
  },
  { operationId: 'editConversationMessage', method: 'PATCH', path: `${ONE}/messages/{seq}`, lambda: 'conversations', access: 'conversations.participate' },
  {
    operationId: 'deleteConversationMessage',
    method: 'DELETE',
    path: `${ONE}/messages/{seq}`,
    lambda: 'conversations',
    access: 'conversations.participate',
    success: [204],
  },
  { operationId: 'getConversationCustomer', method: 'GET', path: `${ONE}/customer`, lambda: 'conversations', access: 'conversations.participate' },
  { operationId: 'markConversationRead', method: 'POST', path: `${ONE}/read`, lambda: 'conversations', access: 'conversations.participate' },
] as const satisfies readonly OperationDef[];
