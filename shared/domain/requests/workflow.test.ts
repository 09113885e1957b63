import { describe, expect, it } from 'vitest';
import type { Role } from '../identity/permissions.ts';
import type { Actor } from '../identity/policy.ts';
import { allowedMoves, mayApprove, mayEdit, mayMove, nextStep, REQUEST_STATUSES, type RequestStatus, type WorkflowRequest } from './workflow.ts';

const actor = (role: Role, userId: string, tenantId = 't1'): Actor => ({ tenantId, userId, role, grants: [] });
const owner = actor('CLIENT', 'client-1');
const otherClient = actor('CLIENT', 'client-2');
const assignee = actor('TEAM_MEMBER', 'member-1');
const otherMember = actor('TEAM_MEMBER', 'member-2');
const lead = actor('TEAM_LEAD', 'lead-1');
const admin = actor('ADMIN', 'admin-1');
const foreignAdmin = actor('ADMIN', 'admin-9', 't2');
const request = (status: RequestStatus, extra: Partial<WorkflowRequest> = {}): WorkflowRequest => ({
  tenantId: 't1',
  status,
  clientId: 'client-1',
  assigneeId: 'member-1',
  ...extra,
});

/** The whole table for a firm that reviews requests: for each status, who may move it where. Every cell not listed is refused. */
const EXPECTED: Record<RequestStatus, Record<string, RequestStatus[]>> = {
  draft: { owner: ['submitted', 'cancelled'], lead: ['submitted', 'cancelled'], admin: ['submitted', 'cancelled'] },
  submitted: { owner: ['cancelled'], lead: ['in_review', 'approved', 'cancelled'], admin: ['in_review', 'approved', 'cancelled'] },
  in_review: { owner: ['cancelled'], lead: ['approved', 'cancelled'], admin: ['approved', 'cancelled'] },
  approved: { owner: ['cancelled'], lead: ['assigned', 'cancelled'], admin: ['assigned', 'cancelled'] },
  assigned: { owner: ['cancelled'], assignee: ['in_progress'], lead: ['in_progress', 'cancelled'], admin: ['in_progress', 'cancelled'] },
  in_progress: { assignee: ['completed'], lead: ['completed', 'cancelled'], admin: ['completed', 'cancelled'] },
  completed: { owner: ['in_progress'] },
  cancelled: {},
};
/** Without review only a submitted request differs: assigning hands it over, and its assignee may start. */
const WITHOUT_REVIEW: Record<RequestStatus, Record<string, RequestStatus[]>> = {
  ...EXPECTED,
  submitted: { owner: ['cancelled'], assignee: ['in_progress'], lead: ['assigned', 'cancelled'], admin: ['assigned', 'cancelled'] },
};
const ACTORS = { owner, otherClient, assignee, otherMember, lead, admin, foreignAdmin };

describe('the request workflow', () => {
  for (const [firm, table, review] of [
    ['reviewing', EXPECTED, true],
    ['not reviewing', WITHOUT_REVIEW, false],
  ] as const) {
    for (const status of REQUEST_STATUSES) {
      for (const [name, who] of Object.entries(ACTORS)) {
        it(`${firm}, ${status}: ${name} may move it to ${(table[status][name] ?? []).join(', ') || 'nothing'}`, () => {
          expect(allowedMoves(who, request(status, { review }))).toEqual(table[status][name] ?? []);
        });
      }
    }
  }

  it('lets nobody start a submitted request nobody is assigned to', () => {
    for (const who of Object.values(ACTORS))
      expect(allowedMoves(who, request('submitted', { assigneeId: undefined, review: false }))).not.toContain('in_progress');
  });

  it('lets an unassigned team member do nothing, even on a request with no assignee', () => {
    expect(allowedMoves(otherMember, request('assigned', { assigneeId: undefined }))).toEqual([]);
  });

  it('freezes a request once the client approved the work', () => {
    expect(allowedMoves(owner, request('completed', { clientApprovedAt: '2026-11-20T10:00:00Z' }))).toEqual([]);
    expect(mayMove(admin, request('completed', { clientApprovedAt: '2026-11-20T10:00:00Z' }), 'in_progress')).toBe(false);
  });

  it('lets only the owning client approve completed work, once', () => {
    expect(mayApprove(owner, request('completed'))).toBe(true);
    expect(mayApprove(otherClient, request('completed'))).toBe(false);
    expect(mayApprove(admin, request('completed'))).toBe(false);
    expect(mayApprove(owner, request('in_progress'))).toBe(false);
    expect(mayApprove(owner, request('completed', { clientApprovedAt: '2026-11-20T10:00:00Z' }))).toBe(false);
  });

  it('lets a team member granted the reviewer permissions review', () => {
    const granted = { ...otherMember, grants: [{ permission: 'service_requests.read.all' as const, expiresAt: '2999-01-01T00:00:00Z' }] };
    expect(allowedMoves(granted, request('submitted', { review: true }))).toEqual(['in_review', 'approved', 'cancelled']);
  });
});

describe('who acts next', () => {
  const step = (who: typeof owner, status: RequestStatus, extra: Partial<WorkflowRequest> = {}) => nextStep(who, request(status, extra));

  it('names the ranked assignee when the firm does not review, and the firm when it does', () => {
    expect(step(owner, 'submitted', { review: false })).toEqual({ action: 'start', by: 'assignee', you: false });
    expect(step(assignee, 'submitted', { review: false })).toEqual({ action: 'start', by: 'assignee', you: true });
    expect(step(lead, 'submitted', { review: true })).toEqual({ action: 'review', by: 'firm', you: true });
    expect(step(owner, 'submitted', { review: true })).toEqual({ action: 'review', by: 'firm', you: false });
    // A team member reviews nothing, even their own assignment.
    expect(step(assignee, 'in_review')).toEqual({ action: 'review', by: 'firm', you: false });
  });

  it('asks the firm to assign when nobody fits, and only assigners are "you"', () => {
    expect(step(lead, 'submitted', { review: false, assigneeId: undefined })).toEqual({ action: 'assign', by: 'firm', you: true });
    expect(step(otherMember, 'approved', { assigneeId: undefined })).toEqual({ action: 'assign', by: 'firm', you: false });
  });

  it('follows the work to the client and ends with their acceptance or a cancellation', () => {
    expect(step(owner, 'draft')).toEqual({ action: 'submit', by: 'client', you: true });
    expect(step(assignee, 'assigned')).toEqual({ action: 'start', by: 'assignee', you: true });
    expect(step(lead, 'in_progress')).toEqual({ action: 'finish', by: 'assignee', you: false });
    expect(step(owner, 'completed')).toEqual({ action: 'accept', by: 'client', you: true });
    expect(step(otherClient, 'completed')).toEqual({ action: 'accept', by: 'client', you: false });
    expect(step(owner, 'completed', { clientApprovedAt: '2026-11-20T10:00:00Z' })).toBeUndefined();
    expect(step(admin, 'cancelled')).toBeUndefined();
  });
});

/** Who may change what was asked, per status: the owner while draft or submitted; the assignee, leads and admins until done. */
const EDITORS: Record<RequestStatus, string[]> = {
  draft: ['owner', 'assignee', 'lead', 'admin'],
  submitted: ['owner', 'assignee', 'lead', 'admin'],
  in_review: ['assignee', 'lead', 'admin'],
  approved: ['assignee', 'lead', 'admin'],
  assigned: ['assignee', 'lead', 'admin'],
  in_progress: ['assignee', 'lead', 'admin'],
  completed: [],
  cancelled: [],
};

describe('who may change what was asked', () => {
  for (const status of REQUEST_STATUSES) {
    it(`${status}: ${EDITORS[status].join(', ') || 'nobody'}`, () => {
      const allowed = Object.entries(ACTORS)
        .filter(([, who]) => mayEdit(who, request(status)))
        .map(([name]) => name);
      expect(allowed).toEqual(EDITORS[status]);
    });
  }
});
