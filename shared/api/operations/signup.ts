/** Clients creating their own account on a firm's sign-up page; the emailed link verifies the address. */
import type { OperationDef } from '../operations.ts';

export const SIGNUP_OPERATIONS = [
  { operationId: 'getSignUpFirm', method: 'GET', path: '/api/signup/{firmSlug}', context: 'signup', access: 'public', summary: "A firm's public name, and whether it takes client sign-ups" },
  { operationId: 'signUp', method: 'POST', path: '/api/signup/{firmSlug}', context: 'signup', access: 'public', summary: 'Sign up as a client of a firm: emails a link that verifies the address and sets the password (always 202: existing accounts are not revealed)' },
] as const satisfies readonly OperationDef[];
