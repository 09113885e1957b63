import { describe, expect, it } from 'vitest';
import { emailDueAt, mayOpen, MESSAGE_CHANGE_HOURS, nextPosition, previewOf, START, unreadCount, whyNotChangeable } from './conversations.ts';
import {
  CONVERSATION_STATUS_OF,
  clientMayMove,
  overdueOf,
  slaDue,
  DEFAULT_TICKET_SLA,
  ticketOnCustomerMessage,
  ticketStatusFor,
  TICKET_STATUSES,
} from './tickets.ts';

const john = { userId: 'u-john', customerId: 'c-acme', isPrimaryContact: true, access: 'full' as const };
const lisa = { userId: 'u-lisa', customerId: 'c-acme', isPrimaryContact: false, access: 'own' as const };

describe('who opens a conversation', () => {
  const shared = { customerId: 'c-acme', assigneeId: 'u-sarah' };
  it('leads and admins all, a team member those assigned to them only', () => {
    expect(mayOpen({ userId: 'u-admin', staff: true, seesAll: true }, { customerId: 'c-x' })).toBe(true);
    expect(mayOpen({ userId: 'u-sarah', staff: true, seesAll: false }, shared)).toBe(true);
    expect(mayOpen({ userId: 'u-mike', staff: true, seesAll: false }, shared)).toBe(false);
    expect(mayOpen({ userId: 'u-mike', staff: true, seesAll: false }, { customerId: 'c-acme' })).toBe(false);
  });
  it('a contact their customer’s, by their access: own ones only with `own`', () => {
    expect(mayOpen({ userId: john.userId, staff: false, contact: john }, shared)).toBe(true);
    expect(mayOpen({ userId: lisa.userId, staff: false, contact: lisa }, shared)).toBe(false);
    expect(mayOpen({ userId: lisa.userId, staff: false, contact: lisa }, { ...shared, startedBy: 'u-lisa' })).toBe(true);
    expect(mayOpen({ userId: john.userId, staff: false, contact: john }, { customerId: 'c-other' })).toBe(false);
    expect(mayOpen({ userId: 'u-x', staff: false, contact: undefined }, shared)).toBe(false);
  });
});

describe('unread counts from read positions', () => {
  it('count every later message for staff, the public ones for a contact', () => {
    let last = START;
    for (const internal of [false, true, false, true]) last = nextPosition(last, internal);
    expect(last).toEqual({ seq: 4, publicNo: 2 });
    expect(unreadCount(last, undefined, true)).toBe(4);
    expect(unreadCount(last, undefined, false)).toBe(2);
    expect(unreadCount(last, { seq: 2, publicNo: 1 }, true)).toBe(2);
    expect(unreadCount(last, { seq: 2, publicNo: 1 }, false)).toBe(1);
    expect(unreadCount(last, last, false)).toBe(0);
  });
});

describe('previews', () => {
  it('are one line, cut with an ellipsis', () => {
    expect(previewOf('Hello\n\n  there')).toBe('Hello there');
    expect(previewOf('x'.repeat(200))).toHaveLength(140);
    expect(previewOf('x'.repeat(200)).endsWith('…')).toBe(true);
  });
});

describe('tickets from messages', () => {
  it('a first customer message makes the specification’s ticket', () => {
    const body = 'Can I upload my W-2 here? '.repeat(30);
    expect(ticketOnCustomerMessage(undefined, { from: 'Acme Corporation', body, assigneeId: 'u-sarah' })).toEqual({
      create: { subject: 'Support request from Acme Corporation', description: body.slice(0, 500), status: 'open', priority: 'normal', assigneeId: 'u-sarah' },
    });
    expect(ticketOnCustomerMessage(undefined, { from: 'a@b.c', body: 'Hi' })).toEqual({
      create: { subject: 'Support request from a@b.c', description: 'Hi', status: 'open', priority: 'normal' },
    });
  });
  it('a later one opens the ticket again', () => {
    expect(ticketOnCustomerMessage({ status: 'resolved' }, { from: 'x', body: 'again' })).toEqual({ reopen: { status: 'open', from: 'resolved' } });
  });
  it('statuses map both ways, and an open conversation keeps a ticket in progress', () => {
    for (const status of TICKET_STATUSES)
      expect(CONVERSATION_STATUS_OF[ticketStatusFor(CONVERSATION_STATUS_OF[status], status)]).toBe(CONVERSATION_STATUS_OF[status]);
    expect(ticketStatusFor('OPEN', 'in_progress')).toBe('in_progress');
    expect(ticketStatusFor('OPEN', 'resolved')).toBe('open');
    expect(ticketStatusFor('PENDING', 'open')).toBe('waiting_for_client');
  });
});

describe('emails for messages missed', () => {
  it('wait a minute for more, and come at most every 10 minutes', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    expect(emailDueAt(now, undefined)).toBe('2026-12-03T10:01:00.000Z');
    expect(emailDueAt(now, '2026-12-03T09:55:00Z')).toBe('2026-12-03T10:05:00.000Z');
    expect(emailDueAt(now, '2026-12-03T09:00:00Z')).toBe('2026-12-03T10:01:00.000Z');
  });
});

describe('changing a message', () => {
  const sent = '2026-12-01T10:00:00.000Z';
  const at = (hours: number) => Date.parse(sent) + hours * 3_600_000;
  it('is its sender’s, while it stands, for a day', () => {
    expect(whyNotChangeable({ senderId: 'u1', createdAt: sent }, 'u1', at(1))).toBeUndefined();
    expect(whyNotChangeable({ senderId: 'u1', createdAt: sent }, 'u1', at(MESSAGE_CHANGE_HOURS))).toBeUndefined();
    expect(whyNotChangeable({ senderId: 'u1', createdAt: sent }, 'u1', at(MESSAGE_CHANGE_HOURS) + 1)).toBe('too_late');
    expect(whyNotChangeable({ senderId: 'u1', createdAt: sent }, 'u2', at(1))).toBe('not_yours');
    expect(whyNotChangeable({ senderId: 'u1', createdAt: sent, deletedAt: sent }, 'u1', at(1))).toBe('deleted');
  });
});

describe('ticket SLA and client moves', () => {
  it('times a ticket from its creation by its priority, and finds what it missed', () => {
    const due = slaDue('2026-12-01T10:00:00.000Z', 'urgent', DEFAULT_TICKET_SLA);
    expect(due).toEqual({ firstResponseDueAt: '2026-12-01T11:00:00.000Z', resolutionDueAt: '2026-12-01T18:00:00.000Z' });
    const open = { status: 'open' as const, ...due };
    expect(overdueOf(open, '2026-12-01T10:30:00.000Z')).toEqual([]);
    expect(overdueOf(open, '2026-12-01T12:00:00.000Z')).toEqual(['firstResponse']);
    expect(overdueOf({ ...open, firstResponseAt: '2026-12-01T10:20:00.000Z' }, '2026-12-01T19:00:00.000Z')).toEqual(['resolution']);
    expect(overdueOf({ ...open, status: 'resolved' }, '2026-12-02T00:00:00.000Z')).toEqual([]);
  });

  it('lets a client close a ticket, or open it again once done or waiting for them, and nothing else', () => {
    expect(clientMayMove('open', 'closed')).toBe(true);
    expect(clientMayMove('closed', 'closed')).toBe(false);
    expect(clientMayMove('resolved', 'open')).toBe(true);
    expect(clientMayMove('waiting_for_client', 'open')).toBe(true);
    expect(clientMayMove('in_progress', 'open')).toBe(false);
    for (const to of ['in_progress', 'waiting_for_client', 'resolved'] as const) expect(clientMayMove('open', to)).toBe(false);
  });
});
