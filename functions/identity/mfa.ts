/**
 * TOTP two-step sign-in: enrolment (password again, then the first code from the app) and the
 * code step of a sign-in. Cognito holds the secret and checks codes.
 */
import { conflict } from '../../shared/api/errors.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { database } from './auth-db.ts';
import { changeContext } from '../lib/change-context.ts';
import { answerTotpChallenge, beginTotpEnrolment, completeTotpEnrolment, disableTotp } from './cognito.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { failedSignIn, signedIn } from './session.ts';
import { guardSignIn } from './sign-in-guard.ts';
import { checkPassword, stepUpFailed } from './step-up.ts';

const SETUP_SECONDS = 10 * 60;
const ISSUER = 'Service Portal';

export async function startMfaSetup(req: RequestOf<'startMfaSetup'>): Promise<ReplyOf<'startMfaSetup'>> {
  const actor = req.actor;
  const { result, guard } = await checkPassword(req, actor.email, req.body.password);
  if (!('tokens' in result)) throw conflict('Two-step sign-in is already on.');
  await guard.succeeded();
  const accessToken = result.tokens.AccessToken!;
  const secret = await beginTotpEnrolment(accessToken);
  const expiresAt = Math.floor(Date.now() / 1000) + SETUP_SECONDS;
  await database().entities.mfaSetup.put({ tenantId: actor.tenantId, userId: actor.userId, accessToken, expiresAt }).go();
  const label = encodeURIComponent(`${ISSUER}:${actor.email}`);
  return {
    status: 201,
    body: {
      secret,
      otpauthUri: `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(ISSUER)}`,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    },
  };
}

export async function confirmMfaSetup(req: RequestOf<'confirmMfaSetup'>): Promise<ReplyOf<'confirmMfaSetup'>> {
  const actor = req.actor;
  const key = { tenantId: actor.tenantId, userId: actor.userId };
  const { mfaSetup } = database().entities;
  const { data: setup } = await mfaSetup.get(key).go();
  // Expired items may linger until DynamoDB's TTL sweeps them: the time is checked here.
  if (!setup || setup.expiresAt * 1000 < Date.now()) throw conflict('Start the set-up again: it was not started or took longer than ten minutes.');
  await completeTotpEnrolment(setup.accessToken, req.body.code);
  await commitTransaction(database(), (entities) => [
    entities.user.patch(key).set({ mfaEnabled: true }).commit(),
    entities.mfaSetup.delete(key).commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'auth.mfa_enabled',
      entityType: 'user',
      entityId: actor.userId,
      changes: [{ field: 'mfaEnabled', from: false, to: true }],
      event: { type: 'auth.mfa_enabled', detail: { userId: actor.userId } },
    }),
  ]);
  return {};
}

/**
 * Turning two-step sign-in off asks for both factors again: the password and a current code,
 * through the same guarded sign-in, so a stolen session alone cannot remove the second step.
 */
export async function disableMfa(req: RequestOf<'disableMfa'>): Promise<ReplyOf<'disableMfa'>> {
  const actor = req.actor;
  const key = { tenantId: actor.tenantId, userId: actor.userId };
  const db = database();
  const [{ data: user }, { data: tenant }] = await Promise.all([db.entities.user.get(key).go(), db.entities.tenant.get({ tenantId: actor.tenantId }).go()]);
  if (!user?.mfaEnabled) throw conflict('Two-step sign-in is already off.');
  if (tenant?.requireMfa) throw conflict('Your firm requires two-step sign-in, so it stays on.');
  const { result: first, guard } = await checkPassword(req, actor.email, req.body.password);
  if (!('totpSession' in first)) throw conflict('Two-step sign-in is already off.');
  const tokens = await answerTotpChallenge(actor.email, first.totpSession, req.body.code).catch(stepUpFailed(req, actor.email, guard));
  await disableTotp(tokens.AccessToken!);
  await guard.succeeded();
  await commitTransaction(db, (entities) => [
    entities.user.patch(key).set({ mfaEnabled: false }).commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'auth.mfa_disabled',
      entityType: 'user',
      entityId: actor.userId,
      changes: [{ field: 'mfaEnabled', from: true, to: false }],
      event: { type: 'auth.mfa_disabled', detail: { userId: actor.userId } },
    }),
  ]);
  return {};
}

export async function answerMfaChallenge(req: RequestOf<'answerMfaChallenge'>): Promise<ReplyOf<'answerMfaChallenge'>> {
  const { email, session, code } = req.body;
  const guard = await guardSignIn(email, req.ip);
  const tokens = await answerTotpChallenge(email, session, code).catch((e: unknown) => failedSignIn(req, email, guard, e));
  return signedIn(req, tokens, guard);
}
