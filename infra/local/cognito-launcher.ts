/**
 * Starts cognito-local with one gap filled: its RespondToAuthChallenge (the TOTP step of a
 * sign-in) issues a refresh token but does not store it, so refreshing that session would fail,
 * where Cognito stores it. The wrapper stores it the way cognito-local's own InitiateAuth does.
 * The package itself is untouched; everything else is cognito-local as published.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface UserPool {
  getUserByUsername(ctx: unknown, username: string): Promise<unknown>;
  storeRefreshToken(ctx: unknown, token: string, user: unknown): Promise<void>;
}
interface Services {
  cognito: { getUserPoolForClientId(ctx: unknown, clientId: string): Promise<UserPool> };
}
type Target = (services: Services) => (ctx: unknown, req: Record<string, unknown>) => Promise<{ AuthenticationResult?: { RefreshToken?: string } }>;

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

require('cognito-local/lib/bin/start.js');
