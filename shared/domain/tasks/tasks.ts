/**
 * Tasks: the pieces a request's work is broken into. Who may change a task (its assignee or a
 * lead), what counts as open work (and so as load), a checklist made from a template, and which
 * team members are offered for a task that names skills.
 */
import { holderDeltas } from '../requests/workload.ts';
import type { Role } from '../identity/permissions.ts';
import { hasPermission, type Actor } from '../identity/policy.ts';

export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The task as these rules see it. */
export interface TaskRef {
  tenantId: string;
  status: TaskStatus;
  /** Undefined while nobody is assigned. */
  assigneeId: string | undefined;
}

export const isOpen = (status: TaskStatus) => status !== 'done';

/** Leads and admins (who hand out tasks) may change any task of their firm; others only their own. */
export function mayChangeTask(actor: Actor, task: TaskRef): boolean {
  if (task.tenantId !== actor.tenantId) return false;
  if (hasPermission(actor, 'tasks.assign')) return true;
  return task.assigneeId === actor.userId && hasPermission(actor, 'tasks.update');
}

/** How each person's open-task count changes when a task goes from `before` to `after`. */
export function openTaskDeltas(before: TaskRef | undefined, after: TaskRef): Map<string, number> {
  const holder = (t: TaskRef | undefined) => (t && isOpen(t.status) ? t.assigneeId : undefined);
  return holderDeltas(holder(before), holder(after));
}

export interface ChecklistItem {
  itemId: string;
  text: string;
  done: boolean;
  doneBy?: string;
  doneAt?: string;
}

/** A fresh checklist from a template's (or a person's) list of steps. */
export const checklistOf = (steps: readonly string[]): ChecklistItem[] => steps.map((text, i) => ({ itemId: `c${i + 1}`, text, done: false }));

/** Ticks or unticks one item, noting who and when; the others stay as they are. */
export function tick(checklist: readonly ChecklistItem[], itemId: string, done: boolean, by: string, at: string): ChecklistItem[] | undefined {
  if (!checklist.some((c) => c.itemId === itemId)) return undefined;
  return checklist.map((c) => {
    if (c.itemId !== itemId) return c;
    const { doneBy: _b, doneAt: _a, ...rest } = c;
    return done ? { ...rest, done, doneBy: by, doneAt: at } : { ...rest, done };
  });
}

export interface AssigneeCandidate {
  userId: string;
  name: string;
  role: Role;
  skills: readonly string[];
  availabilityStatus?: 'available' | 'busy' | 'offline' | 'on_leave' | undefined;
  openTasks: number;
}

export interface OfferedAssignee {
  candidate: AssigneeCandidate;
  matched: string[];
  /** Someone away (on leave or offline) is offered but never suggested. */
  away: boolean;
}

/** Who can hold a task: the firm's staff (in a small firm the admin works too), not the platform operator. */
export const TASK_ROLES: readonly Role[] = ['TEAM_MEMBER', 'TEAM_LEAD', 'ADMIN'];

/** Whether someone may hold a task that needs these skills: one of them is enough. */
export const holdsASkill = (requiredSkills: readonly string[], skills: readonly string[]) =>
  requiredSkills.length === 0 || requiredSkills.some((s) => skills.includes(s));

/**
 * Who can be offered a task: staff who hold at least one of the required skills (everyone, when none are required). Best first: more skills matched, then present
 * before away, then fewer open tasks, then by name. The first one present is the suggestion.
 */
export function offerAssignees(
  requiredSkills: readonly string[],
  candidates: readonly AssigneeCandidate[],
): { offered: OfferedAssignee[]; suggested?: string } {
  const offered = candidates
    .filter((c) => TASK_ROLES.includes(c.role))
    .map((candidate) => ({
      candidate,
      matched: requiredSkills.filter((s) => candidate.skills.includes(s)),
      away: candidate.availabilityStatus === 'on_leave' || candidate.availabilityStatus === 'offline',
    }))
    .filter((o) => holdsASkill(requiredSkills, o.candidate.skills))
    .sort(
      (a, b) =>
        b.matched.length - a.matched.length ||
        Number(a.away) - Number(b.away) ||
        a.candidate.openTasks - b.candidate.openTasks ||
        a.candidate.name.localeCompare(b.candidate.name),
    );
  const suggested = offered.find((o) => !o.away)?.candidate.userId;
  return { offered, ...(suggested && { suggested }) };
}
