/**
 * Guessing promo codes: twenty wrong codes from one address in a 15-minute window, or two
 * hundred at one firm, and quotes and bookings take no more codes there (429) until the window
 * ends. Counted per firm, so one firm's guessers never hold back another's clients.
 */
import { rateLimited } from '../../shared/api/errors.ts';
import type { SignInGuard } from '../../shared/db/entities/sign-in-guard.ts';

const WINDOW_SECONDS = 15 * 60;
export const PROMO_GUESSES_PER_ADDRESS = 20;
const PROMO_GUESSES_PER_FIRM = 200;

export interface PromoGuard {
  /** Counts a code that does not exist or is not active. */
  wrong(): Promise<void>;
}

/** Refuses (429) while the address or the firm has used up its wrong guesses; else counts the next ones. */
export async function guardPromoGuesses(guard: typeof SignInGuard, tenantId: string, ip: string): Promise<PromoGuard> {
  const now = Math.floor(Date.now() / 1000);
  const window = Math.floor(now / WINDOW_SECONDS);
  const windowEnds = (window + 1) * WINDOW_SECONDS;
  const limits = [
    { key: { scope: 'promo-guess' as const, subject: `${tenantId}#${ip}#${window}` }, max: PROMO_GUESSES_PER_ADDRESS },
    { key: { scope: 'promo-guess' as const, subject: `${tenantId}#${window}` }, max: PROMO_GUESSES_PER_FIRM },
  ];
  const counted = await Promise.all(limits.map(({ key }) => guard.get(key).go()));
  if (counted.some(({ data }, i) => (data?.failures ?? 0) >= limits[i]!.max)) {
    const wait = windowEnds - now;
    throw rateLimited(`Too many promo codes tried. Try again in ${Math.max(1, Math.ceil(wait / 60))} minutes.`, wait);
  }
  return {
    async wrong() {
      await Promise.all(limits.map(({ key }) => guard.update(key).add({ failures: 1 }).set({ expiresAt: windowEnds }).go()));
    },
  };
}
