import { describe, expect, it } from 'vitest';
import {
  bookingNotices,
  requestNotices,
  requestWatchers,
  seriesNotices,
  taskNotices,
  taskWatchers,
  ticketNotices,
  type BookingFacts,
  type RequestFacts,
  type TaskFacts,
  type TicketFacts,
} from './audience.ts';

const event = (extra: Partial<RequestFacts> = {}): RequestFacts => ({
  actorId: 'lead',
  clientId: 'client',
  assigneeId: 'member',
  status: 'in_progress',
  ...extra,
});
const booking = (extra: Partial<BookingFacts> = {}): BookingFacts => ({ actorId: 'lead', assigneeId: 'member', ...extra });
const admins = ['admin-1', 'admin-2'];

describe('who hears of a request change', () => {
  it.each([
    ['request.submitted', event({ actorId: 'client', assigneeId: null }), ['admin-1', 'admin-2']],
    ['request.status_changed', event(), ['client', 'member']],
    ['request.status_changed', event({ actorId: 'member' }), ['client']],
    ['request.assigned', event(), ['member']],
    ['request.commented', event({ internal: true }), ['member']],
    ['request.commented', event({ actorId: 'client', internal: false }), ['member']],
    ['request.approved', event({ actorId: 'client' }), ['member', 'admin-1', 'admin-2']],
    ['request.drafted', event({ actorId: 'client' }), []],
  ] as const)('%s → %j', (type, detail, expected) => {
    expect(requestNotices(type, detail, admins).map((n) => n.userId)).toEqual(expected);
  });

  it('asks the client to approve completed work, and tells the assignee it moved', () => {
    expect(requestNotices('request.status_changed', event({ status: 'completed', actorId: 'lead' }), admins)).toEqual([
      { userId: 'client', kind: 'request.completed' },
      { userId: 'member', kind: 'request.status_changed' },
    ]);
  });

  it('refreshes the client, the assignee and staff who see all, but never shows the client an internal note', () => {
    expect(requestWatchers(event(), ['admin-1', 'lead'])).toEqual(['client', 'member', 'admin-1', 'lead']);
    expect(requestWatchers(event({ internal: true, assigneeId: null }), ['admin-1'])).toEqual(['admin-1']);
  });
});

describe('who hears of a task change', () => {
  const task = (extra: Partial<TaskFacts> = {}): TaskFacts => ({
    actorId: 'lead',
    assigneeId: 'member',
    createdBy: 'lead',
    previousAssigneeId: null,
    ...extra,
  });
  it.each([
    ['task.created', task(), ['member']],
    ['task.created', task({ actorId: 'member' }), []],
    ['task.assigned', task({ assigneeId: 'other', previousAssigneeId: 'member' }), ['other']],
    ['task.status_changed', task({ actorId: 'member' }), ['lead']],
    ['task.status_changed', task({ actorId: 'admin-1' }), ['lead', 'member']],
    ['task.commented', task({ actorId: 'member' }), ['lead']],
    ['task.checked', task({ actorId: 'member' }), []],
  ] as const)('%s → %j', (type, detail, expected) => {
    expect(taskNotices(type, detail).map((n) => n.userId)).toEqual(expected);
  });

  it('refreshes the assignee before and after and staff who see all, once each', () => {
    expect(taskWatchers(task({ assigneeId: 'other', previousAssigneeId: 'member' }), ['admin-1', 'other'])).toEqual(['other', 'member', 'admin-1']);
    expect(taskWatchers(task({ assigneeId: null }), ['admin-1'])).toEqual(['admin-1']);
  });
});

describe('bookingNotices', () => {
  it('tells the person who takes it and the admins, the one who lost it on a hand-over, never the one who did it', () => {
    const d = booking({ assigneeId: 'member', actorId: 'client' });
    expect(bookingNotices('booking.created', d, ['admin-1'])).toEqual([
      { userId: 'member', kind: 'booking.created' },
      { userId: 'admin-1', kind: 'booking.created' },
    ]);
    const handedOver = booking({ assigneeId: 'other', previousAssigneeId: 'member', actorId: 'admin-1' });
    expect(bookingNotices('booking.rescheduled', handedOver, ['admin-1']).map((n) => n.userId)).toEqual(['other', 'member']);
  });

  it('tells of a series once: its bookings alone only the one a move took a booking from', () => {
    const inSeries = booking({ assigneeId: 'member', actorId: 'client', withSeries: true });
    expect(bookingNotices('booking.created', inSeries, ['admin-1'])).toEqual([]);
    expect(bookingNotices('booking.rescheduled', { ...inSeries, previousAssigneeId: 'member' }, ['admin-1'])).toEqual([]);
    expect(bookingNotices('booking.rescheduled', { ...inSeries, assigneeId: 'other', previousAssigneeId: 'member', actorId: 'admin-1' }, ['admin-1'])).toEqual([
      { userId: 'member', kind: 'booking.rescheduled' },
    ]);
    expect(seriesNotices('booking.series_booked', { actorId: 'client' }, ['member', 'other', 'member'], ['admin-1'])).toEqual(
      ['member', 'other', 'admin-1'].map((userId) => ({ userId, kind: 'booking.series_booked' })),
    );
    expect(seriesNotices('booking.series_cancelled', { actorId: 'admin-1' }, ['member'], ['admin-1']).map((n) => n.userId)).toEqual(['member']);
  });
});

describe('ticketNotices', () => {
  const people = { clients: ['client'], staffWhoSeeAll: ['lead', 'admin-1'] };
  const ticket = (extra: Partial<TicketFacts> = {}): TicketFacts => ({
    actorId: 'client',
    byStaff: false,
    fromConversation: false,
    assigneeId: 'member',
    ...extra,
  });
  const heard = (type: Parameters<typeof ticketNotices>[0], d: TicketFacts) => ticketNotices(type, d, people).map((n) => `${n.userId}:${n.kind}`);

  it('tells the staff side of what a client did: the assignee, or the leads and admins while nobody has it', () => {
    expect(heard('ticket.created', ticket())).toEqual(['member:ticket.created']);
    expect(heard('ticket.created', ticket({ assigneeId: undefined }))).toEqual(['lead:ticket.created', 'admin-1:ticket.created']);
    expect(heard('ticket.commented', ticket())).toEqual(['member:ticket.commented']);
    expect(heard('ticket.updated', ticket({ fields: ['status'] }))).toEqual(['member:ticket.status_changed']);
    expect(heard('ticket.updated', ticket({ fields: ['description', 'priority'] }))).toEqual([]);
  });

  it('tells the client side (and an assignee someone else acted for) of what staff did, never the one who did it', () => {
    expect(heard('ticket.created', ticket({ actorId: 'member', byStaff: true }))).toEqual(['client:ticket.created']);
    expect(heard('ticket.commented', ticket({ actorId: 'member', byStaff: true }))).toEqual(['client:ticket.commented']);
    expect(heard('ticket.updated', ticket({ actorId: 'lead', byStaff: true, fields: ['status'] }))).toEqual([
      'client:ticket.status_changed',
      'member:ticket.status_changed',
    ]);
  });

  it('keeps internal notes among staff, and tells a new assignee it is theirs', () => {
    expect(heard('ticket.commented', ticket({ actorId: 'lead', byStaff: true, internal: true }))).toEqual(['member:ticket.commented']);
    expect(heard('ticket.commented', ticket({ actorId: 'member', byStaff: true, internal: true }))).toEqual([]);
    expect(heard('ticket.updated', ticket({ actorId: 'lead', byStaff: true, fields: ['assignee'] }))).toEqual(['member:ticket.assigned']);
  });

  it('tells of a conversation’s ticket (its people follow the chat) only a staff note and a new assignee', () => {
    const chat = ticket({ actorId: 'lead', byStaff: true, fromConversation: true });
    expect(heard('ticket.created', { ...chat, actorId: 'client', byStaff: false })).toEqual([]);
    expect(heard('ticket.updated', { ...chat, actorId: 'client', byStaff: false, fields: ['status'] })).toEqual([]);
    expect(heard('ticket.commented', chat)).toEqual([]);
    expect(heard('ticket.commented', { ...chat, internal: true })).toEqual(['member:ticket.commented']);
    expect(heard('ticket.updated', { ...chat, fields: ['status', 'assignee'] })).toEqual(['member:ticket.assigned']);
  });
});
