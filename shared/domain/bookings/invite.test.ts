import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { instantAt } from '../time/zoned.ts';
import { inviteIcs, type Invite } from './invite.ts';
import { rfc5545Problems } from '../../../infra/local/test-ics.ts';

/** Read an invite back with ical.js, an independent parser, resolving times through the invite's own VTIMEZONE. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
    start: event.startDate.toJSDate().getTime(),
    end: event.endDate.toJSDate().getTime(),
    status: vevent.getFirstPropertyValue('status'),
    organizer: vevent.getFirstPropertyValue('organizer'),
    attendee: vevent.getFirstPropertyValue('attendee'),
    description: event.description,
  };
}

const invite = (zone: string, start: number, overrides: Partial<Invite> = {}): Invite => ({
  method: 'REQUEST',
  uid: 'b-123@designpi.portal.test',
  sequence: 0,
  start,
  end: start + 3_600_000,
  zone,
  summary: 'Tax review',
  description: 'Video call with Mike',
  url: 'https://portal.test/manage/?token=t-1.b-123.secret',
  organizer: { name: 'DesignPi', email: 'hello@designpi.test' },
  attendee: { name: 'Guest Person', email: 'guest@example.test' },
  stamp: Date.UTC(2026, 10, 21),
  confirmed: true,
  ...overrides,
});

describe('inviteIcs, read back by ical.js', () => {
  it.each([
    ['America/New_York', '2026-03-09', 600], // the day after spring forward
    ['Europe/London', '2026-10-26', 540],
    ['Australia/Lord_Howe', '2026-10-05', 600], // 30-minute DST
    ['Asia/Kathmandu', '2026-06-01', 600], // +05:45, no DST
  ])('places an event in %s on %s at the same instant, with its TZID', (zone, date, minutes) => {
    const start = instantAt(zone, date, minutes)!;
    const read = parse(inviteIcs(invite(zone, start)));
    expect(read).toMatchObject({ method: 'REQUEST', tzid: zone, start, end: start + 3_600_000, status: 'CONFIRMED' });
    expect(read.organizer).toBe('mailto:hello@designpi.test');
    expect(String(read.attendee).toLowerCase()).toBe('mailto:guest@example.test');
    expect(read.description).toContain('https://portal.test/manage/?token=t-1.b-123.secret');
  });

  it('writes an event in a repeated DST hour in UTC, where its local time would be ambiguous', () => {
    const zone = 'America/New_York';
    const start = instantAt(zone, '2026-11-01', 60)!; // 01:00 EDT; ends 01:00 EST
    const text = inviteIcs(invite(zone, start));
    expect(parse(text)).toMatchObject({ tzid: undefined, start, end: start + 3_600_000 });
    expect(text).toContain('DTSTART:20261101T050000Z');
  });

  it('keeps the UID, raises the SEQUENCE on a change and cancels with METHOD:CANCEL', () => {
    const zone = 'America/New_York';
    const first = parse(inviteIcs(invite(zone, instantAt(zone, '2026-12-01', 600)!, { confirmed: false })));
    const moved = parse(inviteIcs(invite(zone, instantAt(zone, '2026-12-02', 660)!, { sequence: 1 })));
    const cancelled = parse(inviteIcs(invite(zone, instantAt(zone, '2026-12-02', 660)!, { sequence: 2, method: 'CANCEL' })));
    expect(new Set([first.uid, moved.uid, cancelled.uid])).toEqual(new Set(['b-123@designpi.portal.test']));
    expect([first.sequence, moved.sequence, cancelled.sequence]).toEqual([0, 1, 2]);
    expect([first.status, moved.status, cancelled.status]).toEqual(['TENTATIVE', 'CONFIRMED', 'CANCELLED']);
    expect(cancelled.method).toBe('CANCEL');
  });

  it('puts a series in one invite: an event per booking, each at its own 10:00 across the DST change', () => {
    const zone = 'America/New_York';
    const [first, ...rest] = ['2026-10-26', '2026-11-02', '2026-11-09'].map((date, i) => {
      const start = instantAt(zone, date, 600)!;
      return { uid: `b-${i}@designpi.portal.test`, sequence: 0, start, end: start + 3_600_000 };
    });
    const calendar = new ICAL.Component(ICAL.parse(inviteIcs(invite(zone, first!.start, first), rest)));
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const vevents = calendar.getAllSubcomponents('vevent');
    const events = vevents.map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(['b-0@designpi.portal.test', 'b-1@designpi.portal.test', 'b-2@designpi.portal.test']);
    expect(events.map((e) => e.startDate.toJSDate().getTime())).toEqual([first!.start, ...rest.map((e) => e.start)]);
    expect(events.map((e) => e.startDate.hour)).toEqual([10, 10, 10]);
    expect(vevents.map((v) => v.getFirstProperty('dtstart')!.getParameter('tzid'))).toEqual([zone, zone, zone]);
  });

  it('uses CRLF line ends and folds long lines as RFC 5545 asks', () => {
    const text = inviteIcs(invite('UTC', Date.UTC(2026, 11, 1, 9), { description: 'x'.repeat(200) }));
    expect(text.split('\r\n').every((line) => line.length <= 75)).toBe(true);
    expect(parse(text)).toMatchObject({ tzid: undefined, start: Date.UTC(2026, 11, 1, 9) });
  });
});

describe('every invite, read by an independent reader (Python icalendar)', () => {
  const newYork = 'America/New_York';
  const cases: [string, string][] = [
    ['a zoned invite', inviteIcs(invite(newYork, instantAt(newYork, '2026-12-10', 600)!))],
    ['one in the repeated hour of the fall-back night (written in UTC)', inviteIcs(invite(newYork, Date.UTC(2026, 10, 1, 6)))], // 01:00 EST, the second 1:00
    ['a UTC invite', inviteIcs(invite('UTC', Date.UTC(2026, 11, 10, 15)))],
    ['a cancellation', inviteIcs(invite(newYork, instantAt(newYork, '2026-12-10', 600)!, { method: 'CANCEL', sequence: 2 }))],
    [
      'a series',
      inviteIcs(invite(newYork, instantAt(newYork, '2026-12-10', 600)!), [
        { uid: 'b-124@designpi.portal.test', sequence: 0, start: instantAt(newYork, '2026-12-17', 600)!, end: instantAt(newYork, '2026-12-17', 660)! },
      ]),
    ],
  ];

  it.each(cases)('%s: conforms to RFC 5545 (UTC DTSTAMP, CRLF to the end, no non-standard property)', (_, ics) => {
    expect(rfc5545Problems(ics)).toEqual([]);
  });

  it('is really checking: what the writer gave before is refused', () => {
    const before = cases[0]![1]
      .trimEnd()
      .replace(/^DTSTAMP:(\d{8}T\d{6})Z$/m, 'DTSTAMP:$1')
      .replace('X-WR-TIMEZONE', 'TIMEZONE-ID:America/New_York\r\nX-WR-TIMEZONE');
    expect(rfc5545Problems(before)).toEqual(['does not end with CRLF', 'has the non-standard property TIMEZONE-ID', 'DTSTAMP is not in UTC']);
  });
});
