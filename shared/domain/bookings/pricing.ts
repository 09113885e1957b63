/**
 * The price of a booking, as the lines a client reads: the service's base price for its
 * standard duration, time beyond that at the hourly rate, surcharges for peak hours and
 * weekends (on the firm's clock), a rush multiplier for short notice, then one promo code.
 * Integer minor units throughout; each line is rounded half up on its own, so the lines add
 * up to the total exactly.
 */
import { minutesOf, localDateOf, wallOf, weekdayOf } from '../time/zoned.ts';
import type { WeeklyHours } from './availability.ts';

export interface PricingRules {
  currency: string;
  /** For the standard duration. */
  basePrice: number;
  standardMinutes: number;
  /** Per hour beyond the standard duration (pro rata by the minute). */
  hourlyRate: number;
  /** Surcharge in percent when the booking starts in peak hours. */
  peakPercent: number;
  peakHours: WeeklyHours;
  /** Surcharge in percent on Saturdays and Sundays. */
  weekendPercent: number;
  /** Bookings starting sooner than this many hours from now pay the rush multiplier (percent, 150 = ×1.5). */
  rushWithinHours: number;
  rushPercent: number;
}

export interface Promo {
  code: string;
  kind: 'percent' | 'fixed';
  /** Percent off, or minor units off (in the promo's currency). */
  value: number;
  currency?: string | undefined;
  validFrom?: number | undefined;
  validUntil?: number | undefined;
  /** 0 = unlimited. */
  maxUses: number;
  uses: number;
  oncePerClient: boolean;
  /** The subtotal the code needs, in minor units. */
  minAmount: number;
}

export type PromoProblem = 'promo-not-yet-valid' | 'promo-expired' | 'promo-used-up' | 'promo-already-used' | 'promo-below-minimum' | 'promo-wrong-currency';

export type LineKind = 'base' | 'overage' | 'peak' | 'weekend' | 'rush';

export interface PriceBreakdown {
  currency: string;
  lines: { kind: LineKind; amount: number }[];
  subtotal: number;
  discount?: { code: string; amount: number } | undefined;
  total: number;
  /** Why a promo code that was given does not apply; the price is then without it. */
  promoProblem?: PromoProblem | undefined;
}

export interface PriceQuery {
  rules: PricingRules;
  firmZone: string;
  start: number;
  durationMinutes: number;
  now: number;
  promo?: { promo: Promo; usedByClient: boolean } | undefined;
}

const share = (amount: number, percent: number) => Math.round((amount * percent) / 100);

function inHours(hours: WeeklyHours, zone: string, instant: number): boolean {
  const wall = wallOf(zone, instant);
  const minutes = wall.hour * 60 + wall.minute;
  return (hours[weekdayOf(localDateOf(zone, instant))] ?? []).some((w) => minutes >= minutesOf(w.start) && minutes < minutesOf(w.end));
}

export function promoProblem(promo: Promo, usedByClient: boolean, subtotal: number, currency: string, now: number): PromoProblem | undefined {
  if (promo.validFrom !== undefined && now < promo.validFrom) return 'promo-not-yet-valid';
  if (promo.validUntil !== undefined && now > promo.validUntil) return 'promo-expired';
  if (promo.maxUses > 0 && promo.uses >= promo.maxUses) return 'promo-used-up';
  if (promo.oncePerClient && usedByClient) return 'promo-already-used';
  if (promo.kind === 'fixed' && promo.currency !== currency) return 'promo-wrong-currency';
  if (subtotal < promo.minAmount) return 'promo-below-minimum';
  return undefined;
}

export function priceOf({ rules, firmZone, start, durationMinutes, now, promo }: PriceQuery): PriceBreakdown {
  const lines: PriceBreakdown['lines'] = [{ kind: 'base', amount: rules.basePrice }];
  const extraMinutes = Math.max(0, durationMinutes - rules.standardMinutes);
  if (extraMinutes > 0 && rules.hourlyRate > 0) lines.push({ kind: 'overage', amount: Math.round((rules.hourlyRate * extraMinutes) / 60) });
  const service = lines.reduce((sum, l) => sum + l.amount, 0);
  if (rules.peakPercent > 0 && inHours(rules.peakHours, firmZone, start)) lines.push({ kind: 'peak', amount: share(service, rules.peakPercent) });
  const weekday = weekdayOf(localDateOf(firmZone, start));
  if (rules.weekendPercent > 0 && (weekday === 'sat' || weekday === 'sun')) lines.push({ kind: 'weekend', amount: share(service, rules.weekendPercent) });
  if (rules.rushPercent > 100 && start - now < rules.rushWithinHours * 3_600_000) {
    const sofar = lines.reduce((sum, l) => sum + l.amount, 0);
    lines.push({ kind: 'rush', amount: share(sofar, rules.rushPercent - 100) });
  }
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
  const breakdown: PriceBreakdown = { currency: rules.currency, lines, subtotal, total: subtotal };
  if (!promo) return breakdown;
  const problem = promoProblem(promo.promo, promo.usedByClient, subtotal, rules.currency, now);
  if (problem) return { ...breakdown, promoProblem: problem };
  const off = promo.promo.kind === 'percent' ? share(subtotal, Math.min(promo.promo.value, 100)) : Math.min(promo.promo.value, subtotal);
  return { ...breakdown, discount: { code: promo.promo.code, amount: off }, total: subtotal - off };
}
