/** Clients creating their own account on a firm's sign-up page; the emailed link verifies the address. */
import type { OperationDef } from '../operations.ts';

export const SIGNUP_OPERATIONS = [
  { operationId: 'getSignUpFirm', method: 'GET', path: '/api/signup/{firmSlug}', lambda: 'signup', access: 'public' },
  { operationId: 'signUp', method: 'POST', path: '/api/signup/{firmSlug}', lambda: 'signup', access: 'public', success: [202] },
] as const satisfies readonly OperationDef[];
