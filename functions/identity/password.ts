/**
 * Forgotten passwords: a request never reveals whether an account exists (ADR 0017), is acted on
 * at most once a minute per person, and the emailed link (made by the notifier) works once, for an hour.
 * Choosing the new password signs the person out everywhere.
 */
import { changeContext } from '../lib/change-context.ts';
import { AppError, notFound } from '../../shared/api/errors.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { askedAbout } from './after-answer.ts';
import { NO_FIRM } from '../../shared/events/rules.ts';
import { database } from './auth-db.ts';
import { clearSignInFailures } from './sign-in-guard.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { namesRecord, parseLinkToken, secretMatches } from '../lib/link-token.ts';
import { activateIdentity, signOutEverywhere } from './cognito.ts';

/**
 * Answered after one and the same write for every address: the event that the accounts consumer
 * works on (asked-for-address.ts). Whether the address has an account never shows in the answer or its timing.
 */
export async function forgotPassword(req: RequestOf<'forgotPassword'>): Promise<ReplyOf<'forgotPassword'>> {
  await database()
    .entities.outbox.create(askedAbout(req, NO_FIRM, { type: 'auth.password_reset_asked', detail: { email: req.body.email } }, 'password-reset'))
    .go();
  return { status: 202 };
}

export async function resetPassword(req: RequestOf<'resetPassword'>): Promise<ReplyOf<'resetPassword'>> {
  const link = parseLinkToken(req.body.token);
  if (!link) throw notFound('Reset link');
  const { tenantId, recordId: userId } = link;
  const db = database();
  const [{ data: reset }, { data: user }] = await Promise.all([
    db.entities.passwordReset.get({ tenantId, userId }).go(),
    db.entities.user.get({ tenantId, userId }).go(),
  ]);
  if (!reset || !user || !namesRecord(link, reset.tenantId, reset.userId) || !secretMatches(reset.secretHash, link.secret)) throw notFound('Reset link');
  if (reset.usedAt || !reset.linkExpiresAt || reset.linkExpiresAt * 1000 < Date.now() || user.status !== 'active') {
    throw new AppError('gone', 'This reset link has expired or was already used. Ask for a new one.');
  }
  await activateIdentity(user.email, req.body.password);
  const now = new Date().toISOString();
  await commitTransaction(
    db,
    (entities) => [
      entities.passwordReset
        .patch({ tenantId, userId })
        .set({ usedAt: now })
        .where((a, op) => op.notExists(a.usedAt))
        .commit(),
      // A new password ends every session: whoever knew the old one is signed out.
      entities.user.patch({ tenantId, userId }).set({ tokensValidAfter: now }).commit(),
      ...auditAndEvent(entities, changeContext(req, user), {
        action: 'auth.password_reset',
        entityType: 'user',
        entityId: userId,
        event: { type: 'auth.password_reset', detail: { userId } },
      }),
    ],
    'This reset link was just used.',
  );
  // After the record: a device that refreshes in between is refused by the session check already.
  await signOutEverywhere(user.email);
  await clearSignInFailures(user.email);
  return {};
}
