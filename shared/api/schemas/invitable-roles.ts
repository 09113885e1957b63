import { ROLES } from '../../domain/identity/permissions.ts';

/** Who an admin may invite; the platform operator role is never handed out by a firm. */
export const INVITABLE_ROLES = ROLES.filter((r) => r !== 'SUPER_ADMIN');
