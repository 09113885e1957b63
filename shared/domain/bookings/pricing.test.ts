import { describe, expect, it } from 'vitest';
import { instantAt } from '../time/zoned.ts';
import { priceOf, type Promo, type PricingRules } from './pricing.ts';

const zone = 'America/New_York';
const HOUR = 3_600_000;
const wednesday10 = instantAt(zone, '2026-01-14', 600)!;
const saturday18 = instantAt(zone, '2026-01-17', 18 * 60)!;

const rules = (overrides: Partial<PricingRules> = {}): PricingRules => ({
  currency: 'USD',
  basePrice: 10_000,
  standardMinutes: 60,
  hourlyRate: 8_000,
  peakPercent: 0,
  peakHours: {},
  weekendPercent: 0,
  rushWithinHours: 0,
  rushPercent: 100,
  ...overrides,
});

const promo = (overrides: Partial<Promo> = {}): Promo => ({
  code: 'WELCOME',
  kind: 'percent',
  value: 10,
  maxUses: 0,
  uses: 0,
  oncePerClient: false,
  minAmount: 0,
  ...overrides,
});
const lines = (p: ReturnType<typeof priceOf>) => Object.fromEntries(p.lines.map((l) => [l.kind, l.amount]));
const price = (overrides: Partial<Parameters<typeof priceOf>[0]> = {}) =>
  priceOf({ rules: rules(), firmZone: zone, start: wednesday10, durationMinutes: 60, now: wednesday10 - 72 * HOUR, ...overrides });

describe('priceOf', () => {
  it.each<[string, Partial<Parameters<typeof priceOf>[0]>, Record<string, number>, number]>([
    ['the base price for the standard duration', {}, { base: 10_000 }, 10_000],
    ['a shorter booking still pays the base', { durationMinutes: 30 }, { base: 10_000 }, 10_000],
    ['overage by the minute at the hourly rate', { durationMinutes: 105 }, { base: 10_000, overage: 6_000 }, 16_000],
    [
      'a peak-hour surcharge',
      { rules: rules({ peakPercent: 25, peakHours: { wed: [{ start: '09:00', end: '12:00' }] } }) },
      { base: 10_000, peak: 2_500 },
      12_500,
    ],
    [
      'peak hours end where they say',
      { start: instantAt(zone, '2026-01-14', 12 * 60)!, rules: rules({ peakPercent: 25, peakHours: { wed: [{ start: '09:00', end: '12:00' }] } }) },
      { base: 10_000 },
      10_000,
    ],
    ['a weekend surcharge on the firm’s Saturday', { start: saturday18, rules: rules({ weekendPercent: 20 }) }, { base: 10_000, weekend: 2_000 }, 12_000],
    [
      'a rush multiplier for short notice',
      { now: wednesday10 - 3 * HOUR, rules: rules({ rushWithinHours: 24, rushPercent: 150 }) },
      { base: 10_000, rush: 5_000 },
      15_000,
    ],
    ['no rush with enough notice', { now: wednesday10 - 25 * HOUR, rules: rules({ rushWithinHours: 24, rushPercent: 150 }) }, { base: 10_000 }, 10_000],
    [
      'everything at once: rush applies to the surcharged amount',
      {
        start: saturday18,
        durationMinutes: 90,
        now: saturday18 - HOUR,
        rules: rules({ weekendPercent: 10, peakPercent: 5, peakHours: { sat: [{ start: '17:00', end: '20:00' }] }, rushWithinHours: 2, rushPercent: 120 }),
      },
      { base: 10_000, overage: 4_000, peak: 700, weekend: 1_400, rush: 3_220 },
      19_320,
    ],
    ['rounding half up per line', { durationMinutes: 61, rules: rules({ hourlyRate: 30 }) }, { base: 10_000, overage: 1 }, 10_001],
  ])('%s', (_, query, expectedLines, total) => {
    const result = price(query);
    expect(lines(result)).toEqual(expectedLines);
    expect(result.subtotal).toBe(total);
    expect(result.total).toBe(total);
    expect(result.lines.reduce((s, l) => s + l.amount, 0)).toBe(result.subtotal);
  });

  it.each<[string, Promo, boolean, { discount?: number; problem?: string }]>([
    ['a percentage off', promo({ value: 15 }), false, { discount: 1_500 }],
    ['a fixed amount off', promo({ kind: 'fixed', value: 2_500, currency: 'USD' }), false, { discount: 2_500 }],
    ['a fixed amount never below zero', promo({ kind: 'fixed', value: 50_000, currency: 'USD' }), false, { discount: 10_000 }],
    ['a fixed amount in another currency', promo({ kind: 'fixed', value: 2_500, currency: 'EUR' }), false, { problem: 'promo-wrong-currency' }],
    ['not valid yet', promo({ validFrom: wednesday10 }), false, { problem: 'promo-not-yet-valid' }],
    ['expired', promo({ validUntil: wednesday10 - 100 * HOUR }), false, { problem: 'promo-expired' }],
    ['within its validity', promo({ validFrom: wednesday10 - 100 * HOUR, validUntil: wednesday10 }), false, { discount: 1_000 }],
    ['used up', promo({ maxUses: 3, uses: 3 }), false, { problem: 'promo-used-up' }],
    ['one use left', promo({ maxUses: 3, uses: 2 }), false, { discount: 1_000 }],
    ['already used by this client', promo({ oncePerClient: true }), true, { problem: 'promo-already-used' }],
    ['used by this client but not limited per client', promo(), true, { discount: 1_000 }],
    ['below the minimum amount', promo({ minAmount: 10_001 }), false, { problem: 'promo-below-minimum' }],
    ['exactly the minimum amount', promo({ minAmount: 10_000 }), false, { discount: 1_000 }],
  ])('promo: %s', (_, code, usedByClient, expected) => {
    const result = price({ promo: { promo: code, usedByClient } });
    expect(result.discount?.amount).toBe(expected.discount);
    expect(result.promoProblem).toBe(expected.problem);
    expect(result.total).toBe(10_000 - (expected.discount ?? 0));
  });

  it('discounts the whole subtotal, surcharges included', () => {
    const result = price({ start: saturday18, rules: rules({ weekendPercent: 50 }), promo: { promo: promo({ value: 10 }), usedByClient: false } });
    expect(result).toMatchObject({ subtotal: 15_000, discount: { code: 'WELCOME', amount: 1_500 }, total: 13_500 });
  });
});
