import * as z from 'zod/mini';
import { PERMISSIONS, ROLES } from '../../domain/identity/permissions.ts';
import { email, page, pageQuery } from './common.ts';
import type { Schemas } from './types.ts';

export const loginInput = z.object({
  email,
  // Not trimmed: spaces may be part of a password.
  password: z.string({ error: 'is required' }).check(z.minLength(1, 'is required'), z.maxLength(256)),
});

export const userView = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(['invited', 'active', 'deactivated']),
  locale: z.enum(['en', 'ar', 'hi']),
  timeZone: z.string(),
  phone: z.optional(z.string()),
  company: z.optional(z.string()),
  position: z.optional(z.string()),
  department: z.optional(z.string()),
  skills: z.optional(z.array(z.string())),
  expertiseLevel: z.optional(z.string()),
  availabilityStatus: z.optional(z.string()),
});
export type UserView = z.infer<typeof userView>;

export const tenantView = z.object({ tenantId: z.string(), slug: z.string(), name: z.string(), timeZone: z.string(), currency: z.string() });

export const me = z.object({
  user: userView,
  tenant: tenantView,
  permissions: z.array(z.enum(PERMISSIONS)),
  home: z.string(),
});

export const session = z.extend(me, {
  /** Short-lived bearer token, kept in memory by the web app only. */
  token: z.string(),
  expiresAt: z.string(),
});
export type Session = z.infer<typeof session>;

export const userPage = page(userView);

/** The identity context's operations → schemas (each context bundles only its own). */
export const IDENTITY_SCHEMAS = {
  login: { body: loginInput, response: session },
  refresh: { response: session },
  logout: {},
  getMe: { response: me },
  listUsers: { query: pageQuery, response: userPage },
} satisfies Record<string, Schemas>;
