/** Role definitions, per-person grants and the firm's access rules. */
import type { OperationDef } from '../operations.ts';

export const ACCESS_OPERATIONS = [
  { operationId: 'listRoleDefinitions', method: 'GET', path: '/api/permissions', lambda: 'access', access: 'permissions.manage' },
  { operationId: 'listGrants', method: 'GET', path: '/api/users/{userId}/grants', lambda: 'access', access: 'permissions.manage' },
  { operationId: 'createGrant', method: 'POST', path: '/api/users/{userId}/grants', lambda: 'access', access: 'permissions.manage', success: [201] },
  { operationId: 'revokeGrant', method: 'DELETE', path: '/api/users/{userId}/grants/{grantId}', lambda: 'access', access: 'permissions.manage' },
  { operationId: 'getAccessPolicy', method: 'GET', path: '/api/firm/access-policy', lambda: 'access', access: 'permissions.manage' },
  { operationId: 'updateAccessPolicy', method: 'PATCH', path: '/api/firm/access-policy', lambda: 'access', access: 'permissions.manage' },
] as const satisfies readonly OperationDef[];
