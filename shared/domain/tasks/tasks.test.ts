import { describe, expect, it } from 'vitest';
import type { Role } from '../identity/permissions.ts';
import { checklistOf, mayChangeTask, offerAssignees, openTaskDeltas, tick, type AssigneeCandidate, type TaskRef } from './tasks.ts';

const actor = (role: Role, userId = 'me', tenantId = 't1') => ({ tenantId, userId, role, grants: [] });
const task = (over: Partial<TaskRef> = {}): TaskRef => ({ tenantId: 't1', status: 'todo', assigneeId: 'me', ...over });

describe('who may change a task', () => {
  it.each([
    ['its assignee', actor('TEAM_MEMBER'), task(), true],
    ['a team member it is not assigned to', actor('TEAM_MEMBER', 'other'), task(), false],
    ['a team member, an unassigned task', actor('TEAM_MEMBER'), task({ assigneeId: undefined }), false],
    ['a lead, anyone’s task', actor('TEAM_LEAD', 'lead'), task(), true],
    ['an admin, an unassigned task', actor('ADMIN', 'admin'), task({ assigneeId: undefined }), true],
    ['a client, even named as assignee', actor('CLIENT'), task(), false],
    ['an admin of another firm', actor('ADMIN', 'admin', 't2'), task(), false],
  ] as const)('%s → %s', (_, who, t, expected) => {
    expect(mayChangeTask(who, t)).toBe(expected);
  });
});

describe('open tasks as load', () => {
  const deltas = (before: TaskRef | undefined, after: TaskRef) => Object.fromEntries(openTaskDeltas(before, after));
  it.each([
    ['a new task for mike', undefined, task({ assigneeId: 'mike' }), { mike: 1 }],
    ['a new unassigned task', undefined, task({ assigneeId: undefined }), {}],
    ['a new task that is already done', undefined, task({ assigneeId: 'mike', status: 'done' }), {}],
    ['starting it', task({ assigneeId: 'mike' }), task({ assigneeId: 'mike', status: 'in_progress' }), {}],
    ['blocking it (still open)', task({ assigneeId: 'mike' }), task({ assigneeId: 'mike', status: 'blocked' }), {}],
    ['finishing it', task({ assigneeId: 'mike', status: 'in_progress' }), task({ assigneeId: 'mike', status: 'done' }), { mike: -1 }],
    ['reopening it', task({ assigneeId: 'mike', status: 'done' }), task({ assigneeId: 'mike', status: 'todo' }), { mike: 1 }],
    ['handing it over', task({ assigneeId: 'mike' }), task({ assigneeId: 'sarah' }), { mike: -1, sarah: 1 }],
    ['handing over a done task', task({ assigneeId: 'mike', status: 'done' }), task({ assigneeId: 'sarah', status: 'done' }), {}],
  ] as const)('%s', (_, before, after, expected) => {
    expect(deltas(before, after)).toEqual(expected);
  });
});

describe('checklists', () => {
  it('numbers the steps, none done', () => {
    expect(checklistOf(['Gather W-2s', 'File'])).toEqual([
      { itemId: 'c1', text: 'Gather W-2s', done: false },
      { itemId: 'c2', text: 'File', done: false },
    ]);
  });

  it('ticks one item with who and when, and unticks it without', () => {
    const ticked = tick(checklistOf(['a', 'b']), 'c2', true, 'Mike', '2026-11-21T10:00:00.000Z')!;
    expect(ticked[0]).toEqual({ itemId: 'c1', text: 'a', done: false });
    expect(ticked[1]).toEqual({ itemId: 'c2', text: 'b', done: true, doneBy: 'Mike', doneAt: '2026-11-21T10:00:00.000Z' });
    expect(tick(ticked, 'c2', false, 'Mike', 'later')![1]).toEqual({ itemId: 'c2', text: 'b', done: false });
  });

  it('does not know an item that is not there', () => {
    expect(tick(checklistOf(['a']), 'c9', true, 'Mike', 'now')).toBeUndefined();
  });
});

describe('offering assignees', () => {
  const person = (userId: string, over: Partial<AssigneeCandidate> = {}): AssigneeCandidate => ({
    userId,
    name: userId,
    role: 'TEAM_MEMBER',
    skills: [],
    openTasks: 0,
    ...over,
  });
  const ids = (r: ReturnType<typeof offerAssignees>) => r.offered.map((o) => o.candidate.userId);

  it('offers only those holding a required skill, more matches first', () => {
    const r = offerAssignees(
      ['tax', 'audit'],
      [person('none', { skills: ['payroll'] }), person('one', { skills: ['tax'] }), person('both', { skills: ['audit', 'tax'] })],
    );
    expect(ids(r)).toEqual(['both', 'one']);
    expect(r.offered[0]!.matched).toEqual(['tax', 'audit']);
    expect(r.suggested).toBe('both');
  });

  it('offers all staff when no skill is required, never clients or the platform operator', () => {
    const r = offerAssignees(
      [],
      [
        person('client', { role: 'CLIENT' }),
        person('root', { role: 'SUPER_ADMIN' }),
        person('admin', { role: 'ADMIN' }),
        person('lead', { role: 'TEAM_LEAD' }),
        person('member'),
      ],
    );
    expect(ids(r)).toEqual(['admin', 'lead', 'member']);
  });

  it('puts someone away after those present, and never suggests them', () => {
    const r = offerAssignees(
      ['tax'],
      [person('away', { skills: ['tax'], availabilityStatus: 'on_leave' }), person('busy', { skills: ['tax'], availabilityStatus: 'busy', openTasks: 4 })],
    );
    expect(ids(r)).toEqual(['busy', 'away']);
    expect(r.suggested).toBe('busy');
    expect(offerAssignees(['tax'], [person('away', { skills: ['tax'], availabilityStatus: 'offline' })]).suggested).toBeUndefined();
  });

  it('breaks ties by fewer open tasks, then by name', () => {
    const r = offerAssignees(
      ['tax'],
      [person('zoe', { skills: ['tax'], openTasks: 1 }), person('bea', { skills: ['tax'], openTasks: 1 }), person('al', { skills: ['tax'], openTasks: 2 })],
    );
    expect(ids(r)).toEqual(['bea', 'zoe', 'al']);
  });
});
