/**
 * The team overview: every active staff member with their availability, active requests and
 * open tasks. Three small Queries (one per staff role) and one batch read of the load counters,
 * whatever the firm's number of requests and tasks. The same read answers who can take a task.
 */
import { TEAM_OPERATIONS } from '../../shared/api/operations/team.ts';
import { TEAM_SCHEMAS, type MemberWorkload } from '../../shared/api/schemas/team.ts';
import { User } from '../../shared/db/entities/user.ts';
import { Workload } from '../../shared/db/entities/workload.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { STAFF_ROLES } from '../../shared/domain/identity/permissions.ts';
import { availabilityPercent } from '../../shared/domain/requests/workload.ts';
import { offerAssignees } from '../../shared/domain/tasks/tasks.ts';
import { actorFromToken, type AuthenticatedActor } from '../lib/auth.ts';
import { contextHandler, type Reply, type Request } from '../lib/http.ts';
import { activeStaffWithLoad } from '../lib/team.ts';

const database = databaseOf({ user: User, workload: Workload });

/** The firm's staff with their load; the platform operator is not part of a firm's team. */
const firmStaff = (tenantId: string) => activeStaffWithLoad(database().entities, tenantId, STAFF_ROLES.filter((r) => r !== 'SUPER_ADMIN'));

async function listTeamWorkload(req: Request): Promise<Reply> {
  const { tenantId } = req.actor as AuthenticatedActor;
  const members = await firmStaff(tenantId);
  const items: MemberWorkload[] = members.map((m) => {
    const { activeRequests, capacity: maxConcurrentProjects } = m;
    return {
      userId: m.userId,
      name: m.name,
      role: m.role,
      ...(m.position && { position: m.position }),
      skills: m.skills ?? [],
      ...(m.expertiseLevel && { expertiseLevel: m.expertiseLevel }),
      availabilityStatus: m.availabilityStatus ?? 'available',
      activeRequests,
      openTasks: m.openTasks,
      maxConcurrentProjects,
      availabilityPercent: m.availabilityStatus === 'on_leave' || m.availabilityStatus === 'offline' ? 0 : availabilityPercent(activeRequests, maxConcurrentProjects),
    };
  });
  items.sort((a, b) => b.availabilityPercent - a.availabilityPercent || a.name.localeCompare(b.name));
  return { body: { items } };
}

/** Staff holding one of the skills (everyone when none are named), best first. */
async function offerTaskAssignees(req: Request<unknown, { skills: string }>): Promise<Reply> {
  const { tenantId } = req.actor as AuthenticatedActor;
  const skills = req.query.skills.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const staff = await firmStaff(tenantId);
  const { offered, suggested } = offerAssignees(
    skills,
    staff.map((m) => ({ userId: m.userId, name: m.name, role: m.role, skills: m.skills ?? [], availabilityStatus: m.availabilityStatus, openTasks: m.openTasks })),
  );
  return {
    body: {
      offered: offered.map(({ candidate: c, matched, away }) => ({ userId: c.userId, name: c.name, role: c.role, matched, away, availabilityStatus: c.availabilityStatus ?? 'available', openTasks: c.openTasks })),
      ...(suggested && { suggested }),
    },
  };
}

export const handler = contextHandler({ routes: TEAM_OPERATIONS, schemas: TEAM_SCHEMAS, operations: { listTeamWorkload, offerTaskAssignees }, authenticate: actorFromToken });
