import * as z from 'zod/mini';
import { PERMISSIONS, ROLES } from '../../domain/identity/permissions.ts';
import { instant, typeError } from './common.ts';
import type { Schemas } from './types.ts';

const YEAR_MS = 366 * 24 * 3600 * 1000;

export const roleDefinitions = z.object({
  permissions: z.array(z.enum(PERMISSIONS)),
  roles: z.array(z.object({ role: z.enum(ROLES), permissions: z.array(z.enum(PERMISSIONS)) })),
});

export const grantView = z.object({
  grantId: z.string(),
  permission: z.enum(PERMISSIONS),
  expiresAt: z.string(),
  grantedBy: z.string(),
  grantedAt: z.string(),
  active: z.boolean(),
});
export type GrantView = z.infer<typeof grantView>;

export const grantInput = z.object({
  permission: z.enum(PERMISSIONS, { error: 'is not a permission of this portal' }),
  expiresAt: instant.check(
    z.refine((at) => Date.parse(at) > Date.now(), 'must be in the future'),
    z.refine((at) => Date.parse(at) - Date.now() <= YEAR_MS, 'must be within a year: grants are temporary'),
  ),
});

export const accessPolicy = z.object({ clientSignUp: z.boolean(), requireMfa: z.boolean(), contactsInvite: z.boolean(), signUpPath: z.string() });

export const accessPolicyInput = z
  .object({
    clientSignUp: z.optional(z.boolean({ error: typeError('must be true or false') })),
    requireMfa: z.optional(z.boolean({ error: typeError('must be true or false') })),
    contactsInvite: z.optional(z.boolean({ error: typeError('must be true or false') })),
  })
  .check(
    z.refine((p) => p.clientSignUp !== undefined || p.requireMfa !== undefined || p.contactsInvite !== undefined, {
      error: 'must change clientSignUp, requireMfa or contactsInvite',
    }),
  );

export const ACCESS_SCHEMAS = {
  listRoleDefinitions: { response: roleDefinitions },
  listGrants: { response: z.object({ items: z.array(grantView) }) },
  createGrant: { body: grantInput, response: grantView },
  revokeGrant: {},
  getAccessPolicy: { response: accessPolicy },
  updateAccessPolicy: { body: accessPolicyInput, response: accessPolicy },
} satisfies Record<string, Schemas>;
