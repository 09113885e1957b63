import { describe, expect, it } from 'vitest';
import { emailPreferencesOf, emailTiming, groupNotices, nextDigestAt } from './email.ts';

const at = (iso: string) => Date.parse(iso);

describe('when a notice is emailed', () => {
  const prefs = emailPreferencesOf({});

  it('at once by default, never to someone online, and never for a kind switched off or not emailed at all', () => {
    expect(emailTiming(prefs, 'request.assigned', false, 0, 'UTC')).toBe('now');
    expect(emailTiming(prefs, 'request.assigned', true, 0, 'UTC')).toBe('never');
    expect(emailTiming({ ...prefs, off: ['request.assigned'] }, 'request.assigned', false, 0, 'UTC')).toBe('never');
    expect(emailTiming(prefs, 'booking.created', false, 0, 'UTC')).toBe('never');
  });

  it('with the hourly digest at the next full hour', () => {
    expect(emailTiming({ digest: 'hourly', off: [] }, 'request.commented', false, at('2026-12-03T10:20:00Z'), 'UTC')).toBe(at('2026-12-03T11:00:00Z'));
    expect(nextDigestAt('hourly', at('2026-12-03T10:00:00Z'), 'UTC')).toBe(at('2026-12-03T11:00:00Z'));
  });

  it('with the daily digest at the next 08:00 in the person’s zone, across a change of clocks', () => {
    expect(nextDigestAt('daily', at('2026-12-03T10:20:00Z'), 'Asia/Kolkata')).toBe(at('2026-12-04T02:30:00Z'));
    expect(nextDigestAt('daily', at('2026-12-03T01:00:00Z'), 'Asia/Kolkata')).toBe(at('2026-12-03T02:30:00Z'));
    // New York moves its clocks on 2026-03-08: 08:00 is 13:00Z before, 12:00Z after.
    expect(nextDigestAt('daily', at('2026-03-07T14:00:00Z'), 'America/New_York')).toBe(at('2026-03-08T12:00:00Z'));
  });

  it('keeps only kinds it knows from what is stored', () => {
    expect(emailPreferencesOf({ emailDigest: 'daily', emailOff: ['request.commented', 'nonsense'] })).toEqual({ digest: 'daily', off: ['request.commented'] });
  });
});

describe('grouping similar notices', () => {
  const notice = (kind: string, reference: string, createdAt: string) => ({ kind, values: { reference }, createdAt });

  it('puts the same kind about the same request together, newest first', () => {
    const groups = groupNotices([
      notice('request.commented', 'SR-1004', '2026-12-03T10:00:00Z'),
      notice('request.commented', 'SR-1005', '2026-12-03T10:01:00Z'),
      notice('request.commented', 'SR-1004', '2026-12-03T10:02:00Z'),
      notice('request.assigned', 'SR-1004', '2026-12-03T10:03:00Z'),
      notice('request.commented', 'SR-1004', '2026-12-03T10:04:00Z'),
    ]);
    expect(groups.map((g) => [g.kind, g.latest.values.reference, g.notices.length])).toEqual([
      ['request.commented', 'SR-1004', 3],
      ['request.assigned', 'SR-1004', 1],
      ['request.commented', 'SR-1005', 1],
    ]);
    expect(groups[0]!.latest.createdAt).toBe('2026-12-03T10:04:00Z');
  });
});
