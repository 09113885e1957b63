/**
 * Bearer-token authentication. The token is a Cognito ID token (it carries the tenant);
 * the user record, not the token, decides role and status, so deactivation, role changes
 * and logout take effect at once. See docs/adr/0002-auth-tokens.md.
 */
import { JwtVerifier } from 'aws-jwt-verify/jwt-verifier';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { unauthenticated } from '../../shared/api/errors.ts';
import { authConfig } from '../../shared/config.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { User } from '../../shared/db/entities/user.ts';
import { RevokedToken } from '../../shared/db/entities/revoked-token.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
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
}

/** aws-jwt-verify's own fetcher is https-only; the local Cognito stand-in speaks http. */
const fetchJwks = { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() };

let verifier: ReturnType<typeof createVerifier> | undefined;

function createVerifier() {
  const { JWT_ISSUER, USER_POOL_CLIENT_ID } = authConfig();
  return JwtVerifier.create(
    {
      issuer: JWT_ISSUER,
      jwksUri: `${JWT_ISSUER}/.well-known/jwks.json`,
      audience: USER_POOL_CLIENT_ID,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'id') throw new Error('not an ID token');
        if (typeof payload['custom:tenantId'] !== 'string') throw new Error('no tenant claim');
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher: fetchJwks }) },
  );
}

export interface TokenClaims {
  sub: string;
  jti: string;
  tenantId: string;
  issuedAt: number; // epoch seconds
  expiresAt: number;
}

export async function verifyToken(token: string): Promise<TokenClaims> {
  verifier ??= createVerifier();
  try {
    const payload = await verifier.verify(token);
    if (!payload.sub || !payload.iat || !payload.exp || !payload.jti) throw new Error('incomplete token');
    return { sub: payload.sub, jti: payload.jti, tenantId: String(payload['custom:tenantId']), issuedAt: payload.iat, expiresAt: payload.exp };
  } catch {
    throw unauthenticated('Your session has expired. Sign in again.');
  }
}

/**
 * Loads the caller's user record and refuses inactive users, signed-out sessions and tokens
 * older than a user-wide revocation (deactivation, role change, password reset).
 */
export async function actorFromToken(token: string): Promise<AuthenticatedActor> {
  const claims = await verifyToken(token);
  const { entities } = database();
  // Three reads in parallel, so a changed role, a sign-out or a firm rule applies on the next request.
  const [{ data: user }, { data: revoked }, { data: tenant }] = await Promise.all([
    entities.user.get({ tenantId: claims.tenantId, userId: claims.sub }).go(),
    entities.revokedToken.get({ tenantId: claims.tenantId, jti: claims.jti }).go(),
    entities.tenant.get({ tenantId: claims.tenantId }).go(),
  ]);
  if (!user || user.status !== 'active') throw unauthenticated('This account is not active.');
  if (revoked) throw unauthenticated('Your session has ended. Sign in again.');
  // `iat` has whole seconds: a token issued in the very second of a revocation is refused too.
  if (user.tokensValidAfter && claims.issuedAt <= Math.floor(Date.parse(user.tokensValidAfter) / 1000)) {
    throw unauthenticated('Your session has ended. Sign in again.');
  }
  return {
    tenantId: user.tenantId,
    userId: user.userId,
    role: user.role as Role,
    // The record carries the grants: no extra read, and a revoke takes effect on the next request.
    grants: (user.grants ?? []).map((g) => ({ permission: g.permission as Permission, expiresAt: g.expiresAt })),
    email: user.email,
    name: user.name,
    tokenId: claims.jti,
    tokenExpiresAt: claims.expiresAt,
    mfaPending: tenant?.requireMfa === true && !user.mfaEnabled,
  };
}
