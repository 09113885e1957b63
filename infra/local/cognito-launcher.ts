/**
 * Starts cognito-local with two gaps filled, each the way Cognito behaves:
 * - its RespondToAuthChallenge (the TOTP step of a sign-in) issues a refresh token but does not
 *   store it, so refreshing that session would fail. The wrapper stores it the way
 *   cognito-local's own InitiateAuth does.
 * - it has no AdminUserGlobalSignOut. Added: it revokes every refresh token of the user.
 * The package itself is untouched; everything else is cognito-local as published.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface UserPool {
  getUserByUsername(ctx: unknown, username: string): Promise<Record<string, unknown> | null>;
  storeRefreshToken(ctx: unknown, token: string, user: unknown): Promise<void>;
  saveUser(ctx: unknown, user: Record<string, unknown>): Promise<void>;
}
interface Services {
  cognito: { getUserPoolForClientId(ctx: unknown, clientId: string): Promise<UserPool>; getUserPool(ctx: unknown, userPoolId: string): Promise<UserPool> };
}
type Target = (services: Services) => (ctx: unknown, req: Record<string, unknown>) => Promise<{ AuthenticationResult?: { RefreshToken?: string } }>;
const { UserNotFoundError } = require('cognito-local/lib/errors') as { UserNotFoundError: new () => Error };

const { Targets } = require('cognito-local/lib/targets/targets') as { Targets: Record<string, Target> };
const respond = Targets.RespondToAuthChallenge!;

Targets.RespondToAuthChallenge = (services) => {
  const run = respond(services);
  return async (ctx, req) => {
    const result = await run(ctx, req);
    const token = result.AuthenticationResult?.RefreshToken;
    const username = (req.ChallengeResponses as Record<string, string> | undefined)?.USERNAME;
    if (token && username) {
      const pool = await services.cognito.getUserPoolForClientId(ctx, String(req.ClientId));
      const user = await pool.getUserByUsername(ctx, username);
      if (user) await pool.storeRefreshToken(ctx, token, user);
    }
    return result;
  };
};

Targets.AdminUserGlobalSignOut = (services) => async (ctx, req) => {
  const pool = await services.cognito.getUserPool(ctx, String(req.UserPoolId));
  const user = await pool.getUserByUsername(ctx, String(req.Username));
  if (!user) throw new UserNotFoundError();
  await pool.saveUser(ctx, { ...user, RefreshTokens: [] });
  return {};
};

require('cognito-local/lib/bin/start.js');
