/**
 * Automatic assignment: who should take a request. Eligible are team members and leads who are
 * not on leave or offline, have room under their capacity and, when the service names skills,
 * hold at least one of them. They are ranked by skill match, then availability, free capacity
 * and expertise; ties go to the less loaded, then by name. The reasons are kept on the request.
 */
import type { Role } from '../identity/permissions.ts';

export interface Candidate {
  userId: string;
  name: string;
  role: Role;
  skills: readonly string[];
  expertiseLevel?: 'junior' | 'intermediate' | 'senior' | 'expert' | undefined;
  availabilityStatus?: 'available' | 'busy' | 'offline' | 'on_leave' | undefined;
  maxConcurrentProjects: number;
  activeRequests: number;
}

/** Why someone was chosen (or who chose), stored as JSON on the request and shown translated. */
export type AssignmentReason =
  | { kind: 'auto'; matched: string[]; required: number; availability: string; load: number; capacity: number; expertise?: string }
  | { kind: 'manual'; by: string }
  /** A booking given to the person free at its time, who was not among those ranked (at capacity, say). */
  | { kind: 'booking' };

export interface Ranked {
  candidate: Candidate;
  score: number;
  reason: AssignmentReason;
}

const ASSIGNABLE_ROLES: readonly Role[] = ['TEAM_MEMBER', 'TEAM_LEAD'];
const EXPERTISE_POINTS = { junior: 0, intermediate: 5, senior: 10, expert: 15 } as const;
const AVAILABILITY_POINTS = { available: 20, busy: 0 } as const;

export function rankCandidates(requiredSkills: readonly string[], candidates: readonly Candidate[]): Ranked[] {
  const ranked: Ranked[] = [];
  for (const c of candidates) {
    const availability = c.availabilityStatus ?? 'available';
    if (!ASSIGNABLE_ROLES.includes(c.role) || availability === 'on_leave' || availability === 'offline') continue;
    if (c.activeRequests >= c.maxConcurrentProjects) continue;
    const matched = requiredSkills.filter((s) => c.skills.includes(s));
    if (requiredSkills.length > 0 && matched.length === 0) continue;
    const skillShare = requiredSkills.length ? matched.length / requiredSkills.length : 1;
    const freeShare = (c.maxConcurrentProjects - c.activeRequests) / c.maxConcurrentProjects;
    const score = skillShare * 100 + AVAILABILITY_POINTS[availability] + freeShare * 30 + (c.expertiseLevel ? EXPERTISE_POINTS[c.expertiseLevel] : 0);
    ranked.push({
      candidate: c,
      score: Math.round(score * 10) / 10,
      reason: {
        kind: 'auto',
        matched,
        required: requiredSkills.length,
        availability,
        load: c.activeRequests,
        capacity: c.maxConcurrentProjects,
        ...(c.expertiseLevel && { expertise: c.expertiseLevel }),
      },
    });
  }
  return ranked.sort(
    (a, b) => b.score - a.score || a.candidate.activeRequests - b.candidate.activeRequests || a.candidate.name.localeCompare(b.candidate.name),
  );
}
