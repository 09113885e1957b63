/** Sign-in, refresh and sign-out: the session the web app keeps in memory plus an HttpOnly refresh cookie. */
import { changeContext } from '../lib/change-context.ts';
import { AppError, firmSuspended, notFound, unauthenticated } from '../../shared/api/errors.ts';
import type { Session } from '../../shared/api/schemas/user.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { askedAbout } from './after-answer.ts';
import { NO_FIRM } from '../../shared/events/rules.ts';
import { database } from './auth-db.ts';
import { HOME_BY_ROLE, type Permission } from '../../shared/domain/identity/permissions.ts';
import { permissionsOf } from '../../shared/domain/identity/policy.ts';
import { firmLanguagesOf } from '../../shared/domain/locales.ts';
import { tokenClaims } from '../lib/auth.ts';
import { verifiedClaims } from '../lib/jwt-verifier.ts';
import type { ReplyOf, Request, RequestOf } from '../lib/http.ts';
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { refreshSignIn, revokeRefreshToken, startSignIn } from './cognito.ts';
import { accountPaused, guardSignIn, type SignInGuard } from './sign-in-guard.ts';
import { toUserView } from './user-view.ts';
import type { EntityItem } from 'electrodb';
import type { User } from '../../shared/db/entities/user.ts';

type UserItem = EntityItem<typeof User>;

const REFRESH_COOKIE = 'sp_refresh';
const REFRESH_MAX_AGE = 30 * 24 * 3600;

const refreshCookie = (value: string, maxAge: number) =>
  `${REFRESH_COOKIE}=${encodeURIComponent(value)}; Path=/api/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAge}`;

/** The refresh cookie names its sign-in session and carries Cognito's refresh token: `<tenantId>.<sessionId>.<token>`. */
interface RefreshCookie {
  tenantId: string;
  sessionId: string;
  refreshToken: string;
}
const COOKIE_PART = /^[A-Za-z0-9_-]{1,64}$/;
const formatRefreshCookie = ({ tenantId, sessionId, refreshToken }: RefreshCookie) =>
  refreshCookie(`${tenantId}.${sessionId}.${refreshToken}`, REFRESH_MAX_AGE);

function parseRefreshCookie(value: string | undefined): RefreshCookie | undefined {
  const [tenantId = '', sessionId = ''] = value?.split('.', 2) ?? [];
  const refreshToken = value?.slice(tenantId.length + sessionId.length + 2) ?? '';
  if (!COOKIE_PART.test(tenantId) || !COOKIE_PART.test(sessionId) || refreshToken === '') return undefined;
  return { tenantId, sessionId, refreshToken };
}

/** A refusal that also clears the dead cookie, so the browser stops sending it. */
const sessionEnded = () => new AppError('unauthenticated', 'Your session has ended. Sign in again.', undefined, { 'set-cookie': refreshCookie('', 0) });

/** True when a password reset or deactivation came at or after this moment (ISO instants). */
const revokedSince = (startedAt: string, tokensValidAfter: string | undefined) =>
  tokensValidAfter !== undefined && Date.parse(startedAt) <= Date.parse(tokensValidAfter);

/** What the web app needs after sign-in: the user, the firm, permissions, landing page. */
/** `known`: the person's record, when the caller has just read it (refresh), so it is not read twice. */
export async function sessionState(tenantId: string, userId: string, known?: UserItem) {
  const db = database();
  const [{ data: user }, { data: tenant }] = await Promise.all([
    known?.userId === userId ? { data: known } : db.entities.user.get({ tenantId, userId }).go(),
    db.entities.tenant.get({ tenantId }).go(),
  ]);
  if (!user || user.status !== 'active') throw unauthenticated('This account is not active.');
  if (!tenant) throw notFound('Firm');
  if (tenant.status === 'suspended') throw firmSuspended(tenant.name);
  const actor = {
    tenantId,
    userId,
    role: user.role,
    grants: (user.grants ?? []).map((g) => ({ permission: g.permission as Permission, expiresAt: g.expiresAt })),
  };
  return {
    user: toUserView(user),
    tenant: {
      tenantId,
      slug: tenant.slug,
      name: tenant.name,
      timeZone: tenant.timeZone,
      currency: tenant.currency,
      ...firmLanguagesOf(tenant),
      ...(tenant.brandAccent && { accent: tenant.brandAccent }),
    },
    permissions: [...permissionsOf(actor)],
    home: HOME_BY_ROLE[user.role],
    mfaRequired: tenant.requireMfa === true && !user.mfaEnabled,
  };
}

async function sessionFromIdToken(idToken: string, known?: UserItem): Promise<{ session: Session; tenantId: string; userId: string; role: string }> {
  const claims = tokenClaims(await verifiedClaims(idToken));
  const state = await sessionState(claims.tenantId, claims.userId, known);
  return {
    session: { token: idToken, expiresAt: new Date(claims.expiresAt * 1000).toISOString(), ...state },
    tenantId: claims.tenantId,
    userId: claims.userId,
    role: state.user.role,
  };
}

/** The answer of every operation that signs someone in: the session, and the refresh cookie. */
type SessionReply = ReplyOf<'refresh'>;

/** What signs someone in (the session body and the refresh cookie), and who that is. */
export async function startSession(tokens: AuthenticationResultType) {
  const { session, tenantId, userId, role } = await sessionFromIdToken(tokens.IdToken!);
  const reply: SessionReply = { body: session, cookies: [] };
  if (tokens.RefreshToken) {
    const sessionId = randomBytes(24).toString('base64url');
    const startedAt = new Date();
    const expiresAt = Math.floor(startedAt.getTime() / 1000) + REFRESH_MAX_AGE;
    await database().entities.signInSession.create({ tenantId, sessionId, userId, startedAt: startedAt.toISOString(), expiresAt }).go();
    reply.cookies = [formatRefreshCookie({ tenantId, sessionId, refreshToken: tokens.RefreshToken })];
  }
  return { reply, tenantId, userId, role, name: session.user.name };
}

export async function login(req: RequestOf<'login'>): Promise<ReplyOf<'login'>> {
  const { email, password } = req.body;
  const guard = await guardSignIn(email, req.ip);
  const result = await startSignIn(email, password).catch((e: unknown) => failedSignIn(req, email, guard, e));
  // Two-step sign-in: the password was right; the code finishes it (functions/identity/mfa.ts).
  if ('totpSession' in result) return { status: 202, body: { totp: { session: result.totpSession } } };
  return signedIn(req, result.tokens, guard);
}

/**
 * A wrong password or code counts against the account and the address, and is audited in the
 * account's firm when the account exists; the attempt's answer, and its timing, stay the same either way.
 */
export async function failedSignIn(req: Request, email: string, guard: SignInGuard, error: unknown): Promise<never> {
  const wrong = error instanceof AppError && (error.code === 'unauthenticated' || error.details?.some((d) => d.field === 'code'));
  if (!wrong) throw error;
  const paused = await guard.failed();
  // Audited in the account's firm after the answer, so a known address takes no longer (ADR 0017).
  await database()
    .entities.outbox.create(askedAbout(req, NO_FIRM, { type: 'auth.sign_in_failed', detail: { email, paused } }, 'sign-in'))
    .go();
  throw paused ? accountPaused() : error;
}

/** Starts the session, forgets earlier failed attempts and audits the sign-in. */
export async function signedIn(req: Request, tokens: AuthenticationResultType, guard: SignInGuard): Promise<SessionReply> {
  const { reply, tenantId, userId, role, name } = await startSession(tokens);
  await guard.succeeded();
  const db = database();
  await commitTransaction(db, (entities) =>
    auditAndEvent(entities, changeContext(req, { tenantId, userId, role, name }), {
      action: 'auth.login',
      entityType: 'user',
      entityId: userId,
    }),
  );
  return reply;
}

/**
 * A new ID token for a signed-in device. Refused, for good, once the device's session was
 * signed out or began before the user's last password reset or deactivation: reactivating
 * an account does not bring its old sessions back.
 */
export async function refresh(req: RequestOf<'refresh'>): Promise<ReplyOf<'refresh'>> {
  const cookie = parseRefreshCookie(req.cookies[REFRESH_COOKIE]);
  if (!cookie) throw req.cookies[REFRESH_COOKIE] ? sessionEnded() : unauthenticated('Sign in to continue.');
  const { tenantId, sessionId, refreshToken } = cookie;
  const { entities } = database();
  const { data: record } = await entities.signInSession.get({ tenantId, sessionId }).go();
  if (!record) throw sessionEnded();
  const { data: user } = await entities.user.get({ tenantId, userId: record.userId }).go();
  if (!user || user.status !== 'active' || revokedSince(record.startedAt, user.tokensValidAfter)) {
    await Promise.all([entities.signInSession.delete({ tenantId, sessionId }).go(), revokeRefreshToken(refreshToken).catch(() => undefined)]);
    throw sessionEnded();
  }
  const tokens = await refreshSignIn(refreshToken).catch(() => {
    throw sessionEnded();
  });
  const { session, userId } = await sessionFromIdToken(tokens.IdToken!, user);
  // A cookie stitched from one session's name and another person's token.
  if (userId !== record.userId) throw sessionEnded();
  // Cognito returns a new refresh token only when rotation is on; keep the cookie fresh either way.
  return { body: session, cookies: [formatRefreshCookie({ tenantId, sessionId, refreshToken: tokens.RefreshToken ?? refreshToken })] };
}

export async function logout(req: RequestOf<'logout'>): Promise<ReplyOf<'logout'>> {
  const actor = req.actor;
  const cookie = parseRefreshCookie(req.cookies[REFRESH_COOKIE]);
  if (cookie) await revokeRefreshToken(cookie.refreshToken).catch(() => undefined);
  const ownSession = cookie?.tenantId === actor.tenantId ? cookie.sessionId : undefined;
  const db = database();
  await commitTransaction(db, (entities) => [
    // This session only: its ID token is refused until it expires; other devices stay signed in.
    entities.revokedToken.create({ tenantId: actor.tenantId, jti: actor.tokenId, userId: actor.userId, expiresAt: actor.tokenExpiresAt }).commit(),
    ...(ownSession ? [entities.signInSession.delete({ tenantId: actor.tenantId, sessionId: ownSession }).commit()] : []),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId,
    }),
  ]);
  return { cookies: [refreshCookie('', 0)] };
}

export async function getMe(req: RequestOf<'getMe'>): Promise<ReplyOf<'getMe'>> {
  const actor = req.actor;
  return { body: await sessionState(actor.tenantId, actor.userId) };
}
