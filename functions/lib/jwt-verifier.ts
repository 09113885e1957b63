/**
 * Checks a Cognito token as API Gateway's JWT authorizer does: signature against the pool's
 * keys, issuer, audience (the web client) and expiry. Used by the auth context for tokens it
 * receives from Cognito, and by the local API Gateway stand-in; other Lambdas read the claims
 * the authorizer passed on (docs/adr/0002-auth-tokens.md).
 */
import { JwtVerifier } from 'aws-jwt-verify/jwt-verifier';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { unauthenticated } from '../../shared/api/errors.ts';
import { authConfig } from '../../shared/config.ts';
import type { JwtClaims } from './auth.ts';

/** aws-jwt-verify's own fetcher is https-only; the local Cognito stand-in speaks http. */
const fetchJwks = { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() };

let verifier: ReturnType<typeof createVerifier> | undefined;

function createVerifier() {
  const { JWT_ISSUER, USER_POOL_CLIENT_ID } = authConfig();
  return JwtVerifier.create(
    { issuer: JWT_ISSUER, jwksUri: `${JWT_ISSUER}/.well-known/jwks.json`, audience: USER_POOL_CLIENT_ID },
    { jwksCache: new SimpleJwksCache({ fetcher: fetchJwks }) },
  );
}

export async function verifiedClaims(token: string): Promise<JwtClaims> {
  verifier ??= createVerifier();
  try {
    return await verifier.verify(token);
  } catch {
    throw unauthenticated('Your session has expired. Sign in again.');
  }
}
