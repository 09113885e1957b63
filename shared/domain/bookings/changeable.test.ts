import { describe, expect, it } from 'vitest';
import { changeableUntil, whyUnchangeable } from './changeable.ts';

const start = Date.parse('2026-12-10T10:00:00Z');
const booking = { status: 'assigned', scheduledAt: new Date(start).toISOString() };
const settings = { cancelCutoffHours: 24 };
const HOUR = 3_600_000;

describe('who may still change a booking', () => {
  it('lets the client change it until the cut-off, and no later', () => {
    expect(changeableUntil(booking, settings)).toBe(start - 24 * HOUR);
    expect(whyUnchangeable(booking, settings, { staff: false, now: start - 24 * HOUR })).toBeUndefined();
    expect(whyUnchangeable(booking, settings, { staff: false, now: start - 24 * HOUR + 1 })).toBe('past_cutoff');
  });

  it('lets staff change it until it starts', () => {
    expect(whyUnchangeable(booking, settings, { staff: true, now: start - 1 })).toBeUndefined();
    expect(whyUnchangeable(booking, settings, { staff: true, now: start })).toBe('taken_place');
  });

  it('refuses everyone once it is cancelled or completed', () => {
    const early = { staff: true, now: start - 100 * HOUR };
    expect(whyUnchangeable({ ...booking, status: 'cancelled' }, settings, early)).toBe('cancelled');
    expect(whyUnchangeable({ ...booking, status: 'completed' }, settings, early)).toBe('taken_place');
  });
});
