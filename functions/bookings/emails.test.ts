import { describe, expect, it } from 'vitest';
import { bookingEmail, type BookingEmailInput } from './emails.ts';
import { HOLD_HOURS } from '../../shared/domain/identity/guests.ts';
import { LOCALES } from '../../shared/domain/locales.ts';

const email = (start: string, end: string, zone = 'America/New_York', locale: BookingEmailInput['locale'] = 'en') =>
  bookingEmail({
    kind: 'booked',
    locale,
    to: 'ada@example.test',
    name: 'Ada',
    firm: 'DesignPi',
    service: 'Tax review',
    staffName: 'Mike',
    bookingType: 'video',
    start,
    end,
    zone,
    link: 'https://portal.test/m',
    forStaff: false,
  });
/** The "When" line, with Intl's thin and narrow no-break spaces as plain ones. */
const when = (text: string) =>
  text
    .split('\n')
    .find((line) => line.startsWith('When: '))!
    .slice('When: '.length)
    .replace(/[\u2009\u202f]/g, ' ');

describe('when a booking email says it is', () => {
  it('always gives the range, start and end', () => {
    expect(when(email('2026-12-10T15:00:00Z', '2026-12-10T16:00:00Z').text)).toBe('Thursday, December 10, 2026, 10:00 – 11:00 AM (America/New_York)');
  });

  it('names the offset of each end in the repeated hour of a fall-back night', () => {
    // 01:00 EDT to 01:00 EST: a plain range would read "at 1:00 AM", one instant.
    const fallBack = email('2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z');
    expect(when(fallBack.text)).toBe('Sunday, November 1, 2026, 1:00 AM EDT – 1:00 AM EST (America/New_York)');
    expect(fallBack.subject).toContain('1:00 AM EDT');
    // An hour that ends in the repeated one, and one that starts in it.
    expect(when(email('2026-11-01T04:30:00Z', '2026-11-01T05:30:00Z').text)).toBe('Sunday, November 1, 2026, 12:30 AM EDT – 1:30 AM EDT (America/New_York)');
    expect(when(email('2026-11-01T06:30:00Z', '2026-11-01T07:30:00Z').text)).toBe('Sunday, November 1, 2026, 1:30 AM EST – 2:30 AM EST (America/New_York)');
  });

  it('keeps the range in every language', () => {
    for (const locale of ['ar', 'hi'] as const) {
      const text = email('2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z', 'America/New_York', locale).text;
      expect(text).toContain(' – ');
    }
  });
});

describe('the email asking an address to confirm a guest booking made with it', () => {
  const held = (locale: BookingEmailInput['locale']) =>
    bookingEmail({
      kind: 'held',
      locale,
      to: 'ada@example.test',
      name: 'Ada',
      firm: 'DesignPi',
      service: 'Tax review',
      staffName: 'Mike',
      bookingType: 'video',
      start: '2026-12-10T15:00:00Z',
      end: '2026-12-10T16:00:00Z',
      zone: 'UTC',
      link: 'https://portal.test/m',
      forStaff: false,
    });

  it('asks, in every language, says when it is released, and links to confirm or cancel', () => {
    for (const locale of LOCALES) {
      const { text } = held(locale);
      expect(text).toContain(String(HOLD_HOURS));
      expect(text).toContain('https://portal.test/m');
      expect(text).not.toContain('{');
    }
    expect(held('en').subject).toMatch(/^Is this your booking\? Tax review/);
    expect(held('en').text).toContain('Confirm or cancel: https://portal.test/m');
  });
});
