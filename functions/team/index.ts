/**
 * The team overview: every active staff member with their availability and load. Three small
 * Queries (one per staff role) and one batch read of the load counters, whatever the firm's
 * number of requests.
 */
import { TEAM_OPERATIONS } from '../../shared/api/operations/team.ts';
import { TEAM_SCHEMAS, type MemberWorkload } from '../../shared/api/schemas/team.ts';
import { User } from '../../shared/db/entities/user.ts';
import { Workload } from '../../shared/db/entities/workload.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { STAFF_ROLES } from '../../shared/domain/identity/permissions.ts';
import { availabilityPercent } from '../../shared/domain/requests/workload.ts';
import { actorFromToken, type AuthenticatedActor } from '../lib/auth.ts';
import { contextHandler, type Reply, type Request } from '../lib/http.ts';
import { activeStaffWithLoad } from '../lib/team.ts';

const database = databaseOf({ user: User, workload: Workload });

async function listTeamWorkload(req: Request): Promise<Reply> {
  const { tenantId } = req.actor as AuthenticatedActor;
  // The platform operator is not part of a firm's team.
  const members = await activeStaffWithLoad(database().entities, tenantId, STAFF_ROLES.filter((r) => r !== 'SUPER_ADMIN'));
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
      maxConcurrentProjects,
      availabilityPercent: m.availabilityStatus === 'on_leave' || m.availabilityStatus === 'offline' ? 0 : availabilityPercent(activeRequests, maxConcurrentProjects),
    };
  });
  items.sort((a, b) => b.availabilityPercent - a.availabilityPercent || a.name.localeCompare(b.name));
  return { body: { items } };
}

export const handler = contextHandler({ routes: TEAM_OPERATIONS, schemas: TEAM_SCHEMAS, operations: { listTeamWorkload }, authenticate: actorFromToken });
