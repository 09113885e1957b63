/**
 * The calendar invite sent with every booking email. One UID per booking for its whole life,
 * SEQUENCE raised on every change, so calendars update the event instead of adding another;
 * times carry the firm's TZID with its VTIMEZONE, so the event sits at the right hour
 * whatever the reader's calendar zone. A time in a repeated DST hour has no unambiguous
 * local form, so such an event is written in UTC instead (RFC 5545 allows either).
 */
import { TZDate } from '@date-fns/tz';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { vtimezone } from '../time/vtimezone.ts';
import { instantOf, wallOf } from '../time/zoned.ts';

/** One booking's event: a series' invite holds one per booked occurrence, each its own booking. */
export interface InviteEvent {
  /** Stable for the booking: `<bookingId>@<firm domain or portal host>`. */
  uid: string;
  sequence: number;
  start: number;
  end: number;
  /** Where this booking is managed, when it differs from the invite's. */
  url?: string | undefined;
}

export interface Invite extends InviteEvent {
  method: 'REQUEST' | 'CANCEL';
  zone: string;
  summary: string;
  description: string;
  location?: string | undefined;
  /** Where the client manages the booking. */
  url: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** When this version of the invite was made. */
  stamp: number;
  confirmed: boolean;
}

const unambiguous = (zone: string, instant: number) => instantOf(zone, wallOf(zone, instant)) === instant;

/** The invite's calendar: its own event, and those of `more` (the rest of a series) with the same details. */
export function inviteIcs(invite: Invite, more: readonly InviteEvent[] = []): string {
  const events = [invite, ...more];
  const zoned = invite.zone !== 'UTC' && events.every((e) => unambiguous(invite.zone, e.start) && unambiguous(invite.zone, e.end));
  const calendar = ical({
    prodId: { company: 'Service Portal', product: 'Bookings', language: 'EN' },
    method: invite.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    ...(zoned && { timezone: { name: invite.zone, generator: (zone: string) => vtimezone(zone, invite.start) } }),
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp: new Date(invite.stamp),
      // Zoned dates: ical-generator writes a plain Date in the process's own zone.
      start: zoned ? new TZDate(event.start, invite.zone) : new Date(event.start),
      end: zoned ? new TZDate(event.end, invite.zone) : new Date(event.end),
      timezone: zoned ? invite.zone : null,
      summary: invite.summary,
      description: `${invite.description}\n\n${event.url ?? invite.url}`.trim(),
      location: invite.location ?? null,
      url: event.url ?? invite.url,
      status: invite.method === 'CANCEL' ? ICalEventStatus.CANCELLED : invite.confirmed ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      organizer: invite.organizer,
      attendees: [
        {
          name: invite.attendee.name,
          email: invite.attendee.email,
          role: ICalAttendeeRole.REQ,
          status: invite.method === 'CANCEL' ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
        },
      ],
    });
  }
  return conforming(calendar.toString(), invite.stamp);
}

/**
 * What ical-generator writes that RFC 5545 does not allow, put right: with a zone set it
 * writes DTSTAMP without `Z` (it must be UTC) and a non-standard TIMEZONE-ID property (its
 * X-WR-TIMEZONE stays), and it leaves out the CRLF that ends every content line.
 */
function conforming(ics: string, stamp: number): string {
  const utcStamp = `${new Date(stamp).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
  const lines = ics
    .split('\r\n')
    .filter((line) => line !== '' && !line.startsWith('TIMEZONE-ID:'))
    .map((line) => (/^DTSTAMP[:;]/.test(line) ? `DTSTAMP:${utcStamp}` : line));
  return `${lines.join('\r\n')}\r\n`;
}
