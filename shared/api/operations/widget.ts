/** The website widget for leads (ADR 0033): public, from any site, with the visitor's token. */
import type { OperationDef } from '../operations.ts';

const ONE = '/api/widget/{firmSlug}/conversations/{conversationId}' as const;

export const WIDGET_OPERATIONS = [
  {
    operationId: 'startWidgetConversation',
    method: 'POST',
    path: '/api/widget/{firmSlug}/conversations',
    lambda: 'widget',
    access: 'public',
    success: [201],
  },
  { operationId: 'listWidgetMessages', method: 'GET', path: `${ONE}/messages`, lambda: 'widget', access: 'public' },
  { operationId: 'sendWidgetMessage', method: 'POST', path: `${ONE}/messages`, lambda: 'widget', access: 'public', success: [200, 201] },
] as const satisfies readonly OperationDef[];
