import { describe, expect, it } from 'vitest';
import type { Role } from '../identity/permissions.ts';
import type { Actor } from '../identity/policy.ts';
import { allowedMoves, mayApprove, mayEdit, mayMove, REQUEST_STATUSES, type RequestStatus, type WorkflowRequest } from './workflow.ts';

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

/** The whole table: for each status, who may move it where. Every cell not listed is refused. */
const EXPECTED: Record<RequestStatus, Record<string, RequestStatus[]>> = {
  draft: { owner: ['submitted', 'cancelled'], lead: ['submitted', 'cancelled'], admin: ['submitted', 'cancelled'] },
  submitted: { owner: ['cancelled'], lead: ['in_review', 'cancelled'], admin: ['in_review', 'cancelled'] },
  in_review: { owner: ['cancelled'], lead: ['approved', 'cancelled'], admin: ['approved', 'cancelled'] },
  approved: { owner: ['cancelled'], lead: ['assigned', 'cancelled'], admin: ['assigned', 'cancelled'] },
  assigned: { owner: ['cancelled'], assignee: ['in_progress'], lead: ['in_progress', 'cancelled'], admin: ['in_progress', 'cancelled'] },
  in_progress: { assignee: ['completed'], lead: ['completed', 'cancelled'], admin: ['completed', 'cancelled'] },
  completed: { owner: ['in_progress'] },
  cancelled: {},
};
const ACTORS = { owner, otherClient, assignee, otherMember, lead, admin, foreignAdmin };

describe('the request workflow', () => {
  for (const status of REQUEST_STATUSES) {
    for (const [name, who] of Object.entries(ACTORS)) {
      it(`${status}: ${name} may move it to ${(EXPECTED[status][name] ?? []).join(', ') || 'nothing'}`, () => {
        expect(allowedMoves(who, request(status))).toEqual(EXPECTED[status][name] ?? []);
      });
    }
  }

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
    expect(allowedMoves(granted, request('submitted'))).toEqual(['in_review', 'cancelled']);
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
