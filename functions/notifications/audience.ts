/**
 * Who hears of a request's or a task's change: which notification each person gets in their bell, and who
 * must see their open pages and lists refresh. Decided from the event alone, plus the firm's
 * admins and leads (one Query per role).
 */
import type { EventDetail, EventOf } from '../../shared/events/catalogue.ts';

/** What of a request's event decides who hears of it. */
export type RequestFacts = Pick<EventDetail<EventOf<'request'>>, 'clientId' | 'assigneeId' | 'internal' | 'actorId' | 'status'>;
/** What of a task's event decides who hears of it. */
export type TaskFacts = Pick<EventDetail<EventOf<'task'>>, 'assigneeId' | 'previousAssigneeId' | 'createdBy' | 'actorId'>;
/** What of a booking's event decides who hears of it (a reschedule also names who had it before). */
export type BookingFacts = Pick<EventDetail<'booking.created'>, 'assigneeId' | 'withSeries' | 'actorId'> & { previousAssigneeId?: string };

export interface RequestNotice {
  userId: string;
  kind: string;
}

export function requestNotices(type: EventOf<'request'>, d: RequestFacts, admins: string[]): RequestNotice[] {
  const client = d.clientId;
  const assignee = d.assigneeId ?? undefined;
  const to = (userIds: (string | undefined)[], kind: string) =>
    userIds.filter((u): u is string => Boolean(u) && u !== d.actorId).map((userId) => ({ userId, kind }));
  switch (type) {
    case 'request.submitted':
      return to(admins, 'request.submitted');
    case 'request.status_changed':
      // Completed work waits for the client's approval: they are asked for it.
      return d.status === 'completed' ? [...to([client], 'request.completed'), ...to([assignee], type)] : to([client, assignee], type);
    case 'request.assigned':
      return to([assignee], 'request.assigned');
    case 'request.commented':
      // Internal notes never reach the client.
      return to(d.internal ? [assignee] : [client, assignee], 'request.commented');
    case 'request.unassigned':
      // Nobody fitted: the admins must choose.
      return admins.map((userId) => ({ userId, kind: 'request.unassigned' }));
    case 'request.approved':
      return to([assignee, ...admins], 'request.approved');
    default:
      return [];
  }
}

/** Everyone whose open request pages and lists should refresh: the client (unless internal), the assignee, and staff who see all. */
export function requestWatchers(d: Omit<RequestFacts, 'actorId'>, staffWhoSeeAll: string[]): string[] {
  const client = d.internal ? [] : [d.clientId];
  const assignee = d.assigneeId ? [d.assigneeId] : [];
  return [...new Set([...client, ...assignee, ...staffWhoSeeAll])];
}

/** Who hears of a task's change in their bell: its (new) assignee, and whoever made it when someone else moved it. */
export function taskNotices(type: EventOf<'task'>, d: Omit<TaskFacts, 'previousAssigneeId'>): RequestNotice[] {
  const assignee = d.assigneeId ?? undefined;
  const creator = d.createdBy;
  const to = (userIds: (string | undefined)[], kind: string) =>
    [...new Set(userIds)].filter((u): u is string => Boolean(u) && u !== d.actorId).map((userId) => ({ userId, kind }));
  switch (type) {
    case 'task.created':
    case 'task.assigned':
      return to([assignee], 'task.assigned');
    case 'task.status_changed':
      return to([creator, assignee], 'task.status_changed');
    case 'task.commented':
      return to([creator, assignee], 'task.commented');
    default:
      return [];
  }
}

/** Whose open task lists and pages refresh: the assignee before and after, and staff who see all. */
export function taskWatchers(d: Pick<TaskFacts, 'assigneeId' | 'previousAssigneeId'>, staffWhoSeeAll: string[]): string[] {
  const holders = [d.assigneeId, d.previousAssigneeId].filter((u): u is string => Boolean(u));
  return [...new Set([...holders, ...staffWhoSeeAll])];
}

const noticesOf = (kind: string, userIds: (string | undefined)[], actorId: string): RequestNotice[] =>
  [...new Set(userIds.filter((u): u is string => typeof u === 'string'))].filter((u) => u !== actorId).map((userId) => ({ userId, kind }));

/**
 * Who hears of a booking in their bell: the person who takes it and the firm's admins (the
 * client hears by email). A reschedule that changed hands tells the previous person too. A
 * booking of a series changed with it is told of by the series' notice (`seriesNotices`), so
 * only someone a move took it from hears of it alone.
 */
export function bookingNotices(type: EventOf<'booking'>, d: BookingFacts, admins: string[]): RequestNotice[] {
  if (type === 'booking.outcome_recorded') return [];
  if (d.withSeries) return d.previousAssigneeId === d.assigneeId ? [] : noticesOf(type, [d.previousAssigneeId], d.actorId);
  return noticesOf(type, [d.assigneeId, d.previousAssigneeId, ...admins], d.actorId);
}

/** Who hears of a series booked, moved or cancelled, once: everyone who takes one of its bookings, and the admins. */
export const seriesNotices = (type: EventOf<'booking'>, d: { actorId: string }, staffIds: string[], admins: string[]): RequestNotice[] =>
  noticesOf(type, [...staffIds, ...admins], d.actorId);

/** What of a ticket (read with its event) and of its event decides who hears of it. */
export interface TicketFacts {
  actorId: string;
  /** The actor is staff (not a client contact). */
  byStaff: boolean;
  /** A conversation's ticket (made by its client's first message). */
  fromConversation: boolean;
  assigneeId?: string | undefined;
  /** ticket.commented: a note for staff only. */
  internal?: boolean;
  /** ticket.updated: the fields changed. */
  fields?: string[];
}

/**
 * Who hears of a support ticket in their bell. The staff side is its assignee or, while nobody
 * has it, the leads and admins; the client side (`clients`) is who raised it, or the customer's
 * contacts who see all of its tickets when staff raised it. Each side hears of what the other did;
 * a new assignee hears that it is theirs; an internal note reaches its assignee only.
 */
export function ticketNotices(type: EventOf<'ticket'>, d: TicketFacts, people: { clients: string[]; staffWhoSeeAll: string[] }): RequestNotice[] {
  const staffSide = d.assigneeId ? [d.assigneeId] : people.staffWhoSeeAll;
  // A conversation's people follow its chat: of its ticket, only staff notes and a new assignee are told.
  const otherSide = d.fromConversation ? [] : d.byStaff ? [...people.clients, d.assigneeId] : staffSide;
  switch (type) {
    case 'ticket.created':
      return noticesOf(type, otherSide, d.actorId);
    case 'ticket.commented':
      return noticesOf(type, d.internal ? [d.assigneeId] : otherSide, d.actorId);
    case 'ticket.updated':
      return [
        ...(d.fields?.includes('assignee') ? noticesOf('ticket.assigned', [d.assigneeId], d.actorId) : []),
        ...(d.fields?.includes('status') ? noticesOf('ticket.status_changed', otherSide, d.actorId) : []),
      ];
    default:
      return [];
  }
}
