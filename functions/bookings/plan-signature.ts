/**
 * Series plans are signed by the planner (which has rrule) and checked by booking-desk (which
 * has no room for it), so a placed series is exactly what its rule gives (ADR 0011).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { plansConfig } from '../../shared/config.ts';
import { signedText, type SeriesPlan } from '../../shared/domain/bookings/series.ts';

export const signPlan = (plan: SeriesPlan): string => createHmac('sha256', plansConfig().PLAN_SIGNING_KEY).update(signedText(plan)).digest('base64url');

export function planSignatureValid(plan: SeriesPlan, signature: string): boolean {
  const [a, b] = [Buffer.from(signPlan(plan)), Buffer.from(signature)];
  return a.length === b.length && timingSafeEqual(a, b);
}
