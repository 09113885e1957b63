import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../../domain/identity/permissions.ts';
import { email, page } from './common.ts';

export const loginInput = z.object({
  email,
  password: z.string().min(1, 'is required').max(256),
});

export const userView = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(['invited', 'active', 'deactivated']),
  locale: z.enum(['en', 'ar', 'hi']),
  timeZone: z.string(),
  phone: z.string().optional(),
  company: z.string().optional(),
  position: z.string().optional(),
  department: z.string().optional(),
  skills: z.array(z.string()).optional(),
  expertiseLevel: z.string().optional(),
  availabilityStatus: z.string().optional(),
});
export type UserView = z.infer<typeof userView>;

export const tenantView = z.object({ tenantId: z.string(), slug: z.string(), name: z.string(), timeZone: z.string(), currency: z.string() });

export const session = z.object({
  /** Short-lived bearer token, kept in memory by the web app only. */
  token: z.string(),
  expiresAt: z.string(),
  user: userView,
  tenant: tenantView,
  permissions: z.array(z.enum(PERMISSIONS)),
  home: z.string(),
});
export type Session = z.infer<typeof session>;

export const me = session.omit({ token: true, expiresAt: true });

export const userPage = page(userView);
