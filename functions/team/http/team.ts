/**
 * The team overview: every active staff member with their availability, active requests and
 * open tasks. Three small Queries (one per staff role) and one batch read of the load counters,
 * whatever the firm's number of requests and tasks. The same read answers who can take a task.
 */
import { TEAM_OPERATIONS } from '../../../shared/api/operations/team.ts';
import { TEAM_SCHEMAS, type MemberWorkload } from '../../../shared/api/schemas/team.ts';
import { STAFF_ROLES } from '../../../shared/domain/identity/permissions.ts';
import { rankCandidates } from '../../../shared/domain/requests/assignment.ts';
import { availabilityPercent } from '../../../shared/domain/requests/workload.ts';
import { offerAssignees } from '../../../shared/domain/tasks/tasks.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { notFound, validationFailed } from '../../../shared/api/errors.ts';
import { queryPage } from '../../../shared/db/pagination.ts';
import { hasPermission } from '../../../shared/domain/identity/policy.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { activeStaffWithLoad, candidateOf } from '../staff-load.ts';
import { getBookingProfile, updateBookingProfile } from '../booking-profile.ts';
import { database } from '../db.ts';

/** The firm's staff with their load; the platform operator is not part of a firm's team. */
const firmStaff = (tenantId: string) =>
  activeStaffWithLoad(
    database().entities,
    tenantId,
    STAFF_ROLES.filter((r) => r !== 'SUPER_ADMIN'),
  );

async function listTeamWorkload(req: RequestOf<'listTeamWorkload'>): Promise<ReplyOf<'listTeamWorkload'>> {
  const { tenantId } = req.actor;
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
      availabilityPercent:
        m.availabilityStatus === 'on_leave' || m.availabilityStatus === 'offline' ? 0 : availabilityPercent(activeRequests, maxConcurrentProjects),
    };
  });
  items.sort((a, b) => b.availabilityPercent - a.availabilityPercent || a.name.localeCompare(b.name));
  return { body: { items } };
}

/** Staff holding one of the skills (everyone when none are named), best first. */
async function offerTaskAssignees(req: RequestOf<'offerTaskAssignees'>): Promise<ReplyOf<'offerTaskAssignees'>> {
  const { tenantId } = req.actor;
  const skills = req.query.skills
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const staff = await firmStaff(tenantId);
  const { offered, suggested } = offerAssignees(
    skills,
    staff.map((m) => ({
      userId: m.userId,
      name: m.name,
      role: m.role,
      skills: m.skills ?? [],
      availabilityStatus: m.availabilityStatus,
      openTasks: m.openTasks,
    })),
  );
  return {
    body: {
      offered: offered.map(({ candidate: c, matched, away }) => ({
        userId: c.userId,
        name: c.name,
        role: c.role,
        matched,
        away,
        availabilityStatus: c.availabilityStatus ?? 'available',
        openTasks: c.openTasks,
      })),
      ...(suggested && { suggested }),
    },
  };
}

/** The ranking automatic assignment uses, for a person choosing by hand. */
async function rankRequestAssignees(req: RequestOf<'rankRequestAssignees'>): Promise<ReplyOf<'rankRequestAssignees'>> {
  const { tenantId } = req.actor;
  const [{ data: service }, staff] = await Promise.all([
    database().entities.service.get({ tenantId, serviceId: req.query.serviceId }).go(),
    firmStaff(tenantId),
  ]);
  if (!service) throw validationFailed([{ field: 'query.serviceId', message: 'is not a service of this firm' }]);
  const ranked = rankCandidates(service.requiredSkills, staff.map(candidateOf));
  const chosen = new Set(ranked.map((r) => r.candidate.userId));
  return {
    body: {
      ranked: ranked.map((r) => ({
        userId: r.candidate.userId,
        name: r.candidate.name,
        role: r.candidate.role,
        score: r.score,
        reason: JSON.stringify(r.reason),
      })),
      others: staff.filter((m) => !chosen.has(m.userId)).map((m) => ({ userId: m.userId, name: m.name, role: m.role })),
    },
  };
}

/** A member's assignments, newest first: one's own, or anyone's in the firm for those who see users. */
async function listAssignmentHistory(req: RequestOf<'listAssignmentHistory'>): Promise<ReplyOf<'listAssignmentHistory'>> {
  const actor = req.actor;
  const userId = req.params.userId;
  if (userId !== actor.userId && !hasPermission(actor, 'users.view')) throw notFound('Team member');
  const { assignment } = database().entities;
  const page = await queryPage(
    req.query.cursor,
    (from) => assignment.query.byMember({ tenantId: actor.tenantId, userId }).go({ limit: req.query.limit, cursor: from, order: 'desc' }),
    ({ tenantId: _t, userId: _u, ...record }) => record,
  );
  return { body: page };
}

export const handler = contextHandler({
  routes: TEAM_OPERATIONS,
  schemas: TEAM_SCHEMAS,
  operations: { listTeamWorkload, offerTaskAssignees, rankRequestAssignees, listAssignmentHistory, getBookingProfile, updateBookingProfile },
  authenticate: actorFromClaims,
});
