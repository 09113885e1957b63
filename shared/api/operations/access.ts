/** Role definitions, per-person grants and the firm's access rules. */
import type { OperationDef } from '../operations.ts';

export const ACCESS_OPERATIONS = [
  { operationId: 'listRoleDefinitions', method: 'GET', path: '/api/permissions', context: 'access', access: 'permissions.manage', summary: 'Every permission, and what each role holds' },
  { operationId: 'listGrants', method: 'GET', path: '/api/users/{userId}/grants', context: 'access', access: 'permissions.manage', summary: "A person's extra permissions, active and expired" },
  { operationId: 'createGrant', method: 'POST', path: '/api/users/{userId}/grants', context: 'access', access: 'permissions.manage', summary: 'Grant a person one extra permission until a date' },
  { operationId: 'revokeGrant', method: 'DELETE', path: '/api/users/{userId}/grants/{grantId}', context: 'access', access: 'permissions.manage', summary: 'Take a granted permission back' },
  { operationId: 'getAccessPolicy', method: 'GET', path: '/api/firm/access-policy', context: 'access', access: 'permissions.manage', summary: "The firm's access rules: client sign-up, required two-step sign-in" },
  { operationId: 'updateAccessPolicy', method: 'PATCH', path: '/api/firm/access-policy', context: 'access', access: 'permissions.manage', summary: "Change the firm's access rules (audited)" },
] as const satisfies readonly OperationDef[];
