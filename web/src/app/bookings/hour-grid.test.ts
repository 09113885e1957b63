import { describe, expect, it } from 'vitest';
import { hoursShown, personHue, placeByDay, snap } from './hour-grid.ts';

const at = (date: string, from: string, to: string, id = `${date}${from}`) => ({ id, start: `${date}T${from}:00Z`, end: `${date}T${to}:00Z` });

describe('the hour grid', () => {
  it('puts each appointment on its local day, in minutes since local midnight', () => {
    const placed = placeByDay([at('2026-12-07', '23:30', '23:59'), at('2026-12-08', '09:00', '10:00')], 'Asia/Kolkata');
    // 23:30 UTC is 05:00 the next morning in India.
    expect([...placed.keys()]).toEqual(['2026-12-08']);
    expect(placed.get('2026-12-08')!.map((p) => [p.from, p.to])).toEqual([
      [5 * 60, 5 * 60 + 29],
      [14 * 60 + 30, 15 * 60 + 30],
    ]);
  });

  it('sets overlapping appointments side by side and lets a later one reuse a freed lane', () => {
    const day = placeByDay(
      [at('2026-12-07', '09:00', '10:00', 'a'), at('2026-12-07', '09:30', '10:30', 'b'), at('2026-12-07', '10:00', '11:00', 'c')],
      'UTC',
    ).get('2026-12-07')!;
    expect(day.map((p) => [p.entry.id, p.lane, p.lanes])).toEqual([
      ['a', 0, 2],
      ['b', 1, 2],
      ['c', 0, 2],
    ]);
  });

  it('keeps apart appointments that only touch: each has the whole width', () => {
    const day = placeByDay([at('2026-12-07', '09:00', '10:00'), at('2026-12-07', '10:00', '11:00')], 'UTC').get('2026-12-07')!;
    expect(day.map((p) => [p.lane, p.lanes])).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('cuts one running past midnight at the end of its day', () => {
    const [placed] = placeByDay(
      [at('2026-12-07', '23:00', '23:00')].map((e) => ({ ...e, end: '2026-12-08T01:00:00Z' })),
      'UTC',
    ).get('2026-12-07')!;
    expect([placed!.from, placed!.to]).toEqual([23 * 60, 24 * 60]);
  });

  it('shows the working day, widened to the hours of anything outside it', () => {
    expect(hoursShown([])).toEqual({ from: 8 * 60, to: 18 * 60 });
    const placed = placeByDay([at('2026-12-07', '06:45', '07:15'), at('2026-12-08', '18:10', '19:05')], 'UTC');
    expect(hoursShown(placed.values())).toEqual({ from: 6 * 60, to: 20 * 60 });
  });

  it('snaps moves to quarter hours and gives each person one hue everywhere', () => {
    expect([snap(7), snap(8), snap(-22), snap(61)]).toEqual([0, 15, -15, 60]);
    expect(personHue('u-mike')).toBe(personHue('u-mike'));
    expect(new Set(['u-1', 'u-2', 'u-3', 'u-4', 'u-5'].map(personHue)).size).toBeGreaterThan(1);
  });
});
