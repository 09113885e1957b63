/**
 * Brute-force protection for sign-in: five failures in a row (no 15 quiet minutes between them)
 * pause an account for 15 minutes, and twenty failures from one address in a 15-minute window
 * pause that address. Accounts are keyed by a hash of the email whether or not it exists, so
 * a pause says nothing about who has an account. Locally the same rules apply.
 */
import { createHash } from 'node:crypto';
import { rateLimited } from '../../shared/api/errors.ts';
import { database } from './auth-db.ts';

const ACCOUNT_FAILURE_LIMIT = 5;
const ACCOUNT_QUIET_SECONDS = 15 * 60;
const ACCOUNT_LOCK_SECONDS = 15 * 60;
const SOURCE_FAILURE_LIMIT = 20;
const SOURCE_WINDOW_SECONDS = 15 * 60;

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
const accountKeyOf = (email: string) => ({ scope: 'account' as const, subject: createHash('sha256').update(email.trim().toLowerCase()).digest('hex') });

/** The answer while an account is paused. */
export const accountPaused = (wait = ACCOUNT_LOCK_SECONDS) =>
  rateLimited(`Too many failed sign-ins. Try again in ${minutes(wait)} minutes, or reset your password.`, wait);

export interface SignInGuard {
  /** Counts a failed attempt; true when this one paused the account. */
  failed(): Promise<boolean>;
  /** A full sign-in forgets the account's failures. */
  succeeded(): Promise<void>;
}

/** Refuses the attempt (429) while the account or the address is paused. */
export async function guardSignIn(email: string, source: string): Promise<SignInGuard> {
  const now = Math.floor(Date.now() / 1000);
  const window = Math.floor(now / SOURCE_WINDOW_SECONDS);
  const windowEnds = (window + 1) * SOURCE_WINDOW_SECONDS;
  const accountKey = accountKeyOf(email);
  const sourceKey = { scope: 'source' as const, subject: `${source}#${window}` };
  const { signInGuard } = database().entities;
  const [{ data: stored }, { data: address }] = await Promise.all([signInGuard.get(accountKey).go(), signInGuard.get(sourceKey).go()]);
  // DynamoDB's TTL sweeps late: an expired record counts as none.
  const account = stored && stored.expiresAt > now ? stored : undefined;

  if (account?.lockedUntil && account.lockedUntil > now) throw accountPaused(account.lockedUntil - now);
  if (address && address.failures >= SOURCE_FAILURE_LIMIT) {
    const wait = windowEnds - now;
    throw rateLimited(`Too many failed sign-ins from your network. Try again in ${minutes(wait)} minutes.`, wait);
  }

  return {
    async failed() {
      const [counted] = await Promise.all([
        account
          ? signInGuard
              .update(accountKey)
              .add({ failures: 1 })
              .set({ expiresAt: now + ACCOUNT_QUIET_SECONDS })
              .go({ response: 'all_new' })
          : signInGuard.put({ ...accountKey, failures: 1, expiresAt: now + ACCOUNT_QUIET_SECONDS }).go(),
        signInGuard.update(sourceKey).add({ failures: 1 }).set({ expiresAt: windowEnds }).go(),
      ]);
      if ((counted.data.failures ?? 0) < ACCOUNT_FAILURE_LIMIT) return false;
      const lockedUntil = now + ACCOUNT_LOCK_SECONDS;
      await signInGuard.put({ ...accountKey, failures: 0, lockedUntil, expiresAt: lockedUntil }).go();
      return true;
    },
    async succeeded() {
      if (stored) await signInGuard.delete(accountKey).go();
    },
  };
}

/** After a password reset the owner has proved who they are: no pause stands in their way. */
export async function clearSignInFailures(email: string): Promise<void> {
  await database().entities.signInGuard.delete(accountKeyOf(email)).go();
}
