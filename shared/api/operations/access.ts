/** Role definitions and per-person grants. */
import type { OperationDef } from '../operations.ts';

export const ACCESS_OPERATIONS = [
  { operationId: 'listRoleDefinitions', method: 'GET', path: '/api/permissions', context: 'access', access: 'permissions.manage', summary: 'Every permission, and what each role holds' },
  { operationId: 'listGrants', method: 'GET', path: '/api/users/{userId}/grants', context: 'access', access: 'permissions.manage', summary: "A person's extra permissions, active and expired" },
  { operationId: 'createGrant', method: 'POST', path: '/api/users/{userId}/grants', context: 'access', access: 'permissions.manage', summary: 'Grant a person one extra permission until a date' },
  { operationId: 'revokeGrant', method: 'DELETE', path: '/api/users/{userId}/grants/{grantId}', context: 'access', access: 'permissions.manage', summary: 'Take a granted permission back' },
] as const satisfies readonly OperationDef[];
