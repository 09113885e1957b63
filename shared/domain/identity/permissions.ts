/** Roles, named permissions and the role → permission map (the seeds' list, grown per feature). */

export const ROLES = ['CLIENT', 'TEAM_MEMBER', 'TEAM_LEAD', 'ADMIN', 'SUPER_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['TEAM_MEMBER', 'TEAM_LEAD', 'ADMIN', 'SUPER_ADMIN'];

export const PERMISSIONS = [
  'services.manage',
  'service_requests.create',
  'service_requests.read.all',
  'service_requests.read.own',
  'service_requests.update',
  'service_requests.delete',
  'service_requests.assign',
  'tasks.create',
  'tasks.read.all',
  'tasks.read.assigned',
  'tasks.update',
  'tasks.delete',
  'tasks.assign',
  'task_templates.manage',
  'customers.read.all',
  'customers.read.assigned',
  'customers.manage',
  'documents.view',
  'documents.upload',
  'documents.quarantine',
  'documents.organise',
  'conversations.participate',
  'conversations.read.all',
  'conversations.assign',
  'team.manage',
  'team.view',
  'users.manage',
  'users.view',
  'analytics.view',
  'analytics.export',
  'audit.view',
  'permissions.manage',
  'system.health',
  'settings.manage',
  /** All of the firm's records and files, as one download (ADR 0038). */
  'firm.export',
  /** The platform's firms: list, create, suspend (the operator's alone, never a firm's). */
  'platform.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CLIENT: Permission[] = ['service_requests.create', 'service_requests.read.own', 'documents.view', 'documents.upload', 'conversations.participate'];

const TEAM_MEMBER: Permission[] = [
  'service_requests.read.own',
  'service_requests.update',
  'tasks.read.assigned',
  'tasks.update',
  'team.view',
  // The customers they manage or work for, and those customers' documents.
  'customers.read.assigned',
  'documents.view',
  'documents.upload',
  'documents.organise',
  // Conversations assigned to them (ADR 0033).
  'conversations.participate',
];

const TEAM_LEAD: Permission[] = [
  ...TEAM_MEMBER,
  'service_requests.create',
  'service_requests.read.all',
  'service_requests.assign',
  'tasks.create',
  'tasks.read.all',
  'tasks.assign',
  'customers.read.all',
  'users.view',
  'analytics.view',
  'conversations.read.all',
  'conversations.assign',
];

/** A firm's admin may do everything within the firm, including seeing the system's health; nothing of other firms. */
const ADMIN: Permission[] = PERMISSIONS.filter((p) => p !== 'platform.manage');

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  CLIENT,
  TEAM_MEMBER,
  TEAM_LEAD,
  ADMIN,
  SUPER_ADMIN: PERMISSIONS,
};

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Readonly<Record<Role, string>> = {
  CLIENT: '/portal/',
  TEAM_MEMBER: '/staff/',
  TEAM_LEAD: '/staff/',
  ADMIN: '/admin/',
  SUPER_ADMIN: '/platform/',
};

export const isStaff = (role: Role): boolean => STAFF_ROLES.includes(role);

/** The web areas and who may open them (admins are staff too; everyone has an account page). */
export const AREAS = ['portal', 'staff', 'admin', 'platform', 'account'] as const;
export type Area = (typeof AREAS)[number];

const AREA_ROLES: Readonly<Record<Area, readonly Role[]>> = {
  portal: ['CLIENT'],
  staff: STAFF_ROLES,
  admin: ['ADMIN', 'SUPER_ADMIN'],
  platform: ['SUPER_ADMIN'],
  account: ROLES,
};

export const canEnterArea = (role: Role, area: Area): boolean => AREA_ROLES[area].includes(role);
