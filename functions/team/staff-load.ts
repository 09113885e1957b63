/**
 * The firm's active staff in the given roles, each with their current load: one Query per role
 * and one batch read of the load counters. Used by the team overview, auto-assignment and the
 * assignees offered for a task.
 */
import type { EntityItem } from 'electrodb';
import type { User } from '../../shared/db/entities/user.ts';
import type { Workload } from '../../shared/db/entities/workload.ts';
import type { Role } from '../../shared/domain/identity/permissions.ts';
import type { Candidate } from '../../shared/domain/requests/assignment.ts';

/** Capacity of someone whose profile sets none (the user entity's default). */
export const DEFAULT_CAPACITY = 3;

export async function activeStaffWithLoad(entities: { user: typeof User; workload: typeof Workload }, tenantId: string, roles: readonly Role[]) {
  const { user, workload } = entities;
  const members = (await Promise.all(roles.map((role) => user.query.byRole({ tenantId, role }).go({ pages: 'all' }))))
    .flatMap((r) => r.data)
    .filter((u) => u.status === 'active');
  const { data: loads } = members.length ? await workload.get(members.map((m) => ({ tenantId, userId: m.userId }))).go() : { data: [] };
  const loadOf = new Map(loads.map((l) => [l.userId, l]));
  return members.map((m): EntityItem<typeof User> & { activeRequests: number; openTasks: number; capacity: number } => ({
    ...m,
    activeRequests: loadOf.get(m.userId)?.activeRequests ?? 0,
    openTasks: loadOf.get(m.userId)?.openTasks ?? 0,
    capacity: m.maxConcurrentProjects ?? DEFAULT_CAPACITY,
  }));
}

type StaffWithLoad = Awaited<ReturnType<typeof activeStaffWithLoad>>[number];

/** A member as the assignment ranking weighs them (shared/domain/requests/assignment.ts). */
export const candidateOf = (m: StaffWithLoad): Candidate => ({
  userId: m.userId,
  name: m.name,
  role: m.role,
  skills: m.skills ?? [],
  expertiseLevel: m.expertiseLevel,
  availabilityStatus: m.availabilityStatus,
  maxConcurrentProjects: m.capacity,
  activeRequests: m.activeRequests,
});

/** The ids of the firm's active people holding any of `roles` (e.g. who to tell): one Query per role. */
export async function activeIdsWithRoles(entities: { user: typeof User }, tenantId: string, roles: readonly Role[]): Promise<string[]> {
  const found = await Promise.all(roles.map((role) => entities.user.query.byRole({ tenantId, role }).go({ pages: 'all' })));
  return found
    .flatMap((r) => r.data)
    .filter((u) => u.status === 'active')
    .map((u) => u.userId);
}
