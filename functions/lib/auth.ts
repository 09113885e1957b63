/**
 * Bearer-token authentication. The token is a Cognito ID token (it carries the tenant);
 * the user record, not the token, decides role and status, so deactivation, role changes
 * and logout take effect at once. See docs/adr/0002-auth-tokens.md.
 */
import type { EntityItem } from 'electrodb';
import { firmSuspended, unauthenticated } from '../../shared/api/errors.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { User } from '../../shared/db/entities/user.ts';
import { RevokedToken } from '../../shared/db/entities/revoked-token.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { countUsage } from './usage.ts';
import { contactOf, type Contact } from '../../shared/domain/customers/customers.ts';
import type { Actor } from '../../shared/domain/identity/policy.ts';
import type { Permission, Role } from '../../shared/domain/identity/permissions.ts';

const database = databaseOf({ user: User, revokedToken: RevokedToken, tenant: Tenant });

export interface AuthenticatedActor extends Actor {
  email: string;
  name: string;
  /** The bearer token's id and expiry, so sign-out can refuse exactly this session's token. */
  tokenId: string;
  tokenExpiresAt: number;
  /** The firm requires two-step sign-in and this person has not set it up yet. */
  mfaPending: boolean;
  /** A client user's place at their customer (shared/domain/customers), from the same record read. */
  contact?: Contact;
}

/**
 * The claims of the bearer token as API Gateway's JWT authorizer passes them on
 * (`requestContext.authorizer.jwt.claims`, values as strings) once it has checked the
 * signature, issuer, audience and expiry. See docs/adr/0002-auth-tokens.md.
 */
export type JwtClaims = Record<string, unknown>;

export interface TokenClaims {
  /** Whom the token signs in: `custom:userId` for a claimed guest account (ADR 0012), else `sub`. */
  userId: string;
  jti: string;
  tenantId: string;
  issuedAt: number; // epoch seconds
  expiresAt: number;
}

/** What the authorizer does not check: that this is an ID token of a firm, whole and unexpired. */
export function tokenClaims(claims: JwtClaims): TokenClaims {
  const text = (name: string) => (typeof claims[name] === 'string' && claims[name] !== '' ? (claims[name] as string) : undefined);
  const userId = text('custom:userId') ?? text('sub');
  const jti = text('jti');
  const tenantId = text('custom:tenantId');
  const issuedAt = Number(claims.iat);
  const expiresAt = Number(claims.exp);
  const whole = userId && jti && tenantId && issuedAt > 0 && expiresAt > 0;
  if (claims.token_use !== 'id' || !whole || expiresAt * 1000 <= Date.now()) throw unauthenticated('Your session has expired. Sign in again.');
  return { userId, jti, tenantId, issuedAt, expiresAt };
}

/**
 * Loads the caller's user record and refuses inactive users, signed-out sessions and tokens
 * older than a user-wide revocation (deactivation, role change, password reset).
 */
export async function actorFromClaims(jwtClaims: JwtClaims): Promise<AuthenticatedActor> {
  const claims = tokenClaims(jwtClaims);
  const { entities } = database();
  // Three reads in parallel, so a changed role, a sign-out or a firm rule applies on the next request;
  // beside them, the call counts in the firm's usage (ADR 0035), never failing it.
  const [{ data: user }, { data: revoked }, { data: tenant }] = await Promise.all([
    entities.user.get({ tenantId: claims.tenantId, userId: claims.userId }).go(),
    entities.revokedToken.get({ tenantId: claims.tenantId, jti: claims.jti }).go(),
    entities.tenant.get({ tenantId: claims.tenantId }).go(),
    countUsage(claims.tenantId, 'apiCalls').catch((error: unknown) => console.warn('API call not counted', error)),
  ]);
  if (!user || user.status !== 'active') throw unauthenticated('This account is not active.');
  if (tenant?.status === 'suspended') throw firmSuspended(tenant.name);
  if (revoked) throw unauthenticated('Your session has ended. Sign in again.');
  // `iat` has whole seconds: a token issued in the very second of a revocation is refused too.
  if (user.tokensValidAfter && claims.issuedAt <= Math.floor(Date.parse(user.tokensValidAfter) / 1000)) {
    throw unauthenticated('Your session has ended. Sign in again.');
  }
  return {
    ...actorOfUser(user),
    email: user.email,
    name: user.name,
    tokenId: claims.jti,
    tokenExpiresAt: claims.expiresAt,
    mfaPending: tenant?.requireMfa === true && !user.mfaEnabled,
  };
}

/** What a user may do, from their record: role, grants and (a client) their place at their customer. */
export const actorOfUser = (user: EntityItem<typeof User>): Actor => ({
  tenantId: user.tenantId,
  userId: user.userId,
  role: user.role as Role,
  // The record carries the grants: no extra read, and a revoke takes effect on the next request.
  grants: (user.grants ?? []).map((g) => ({ permission: g.permission as Permission, expiresAt: g.expiresAt })),
  ...(user.customerId && { contact: contactOf({ ...user, customerId: user.customerId }) }),
});
