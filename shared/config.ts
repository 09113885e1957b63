/** Runtime configuration: parsed once per process (cold start); missing config fails loudly. */
import * as z from 'zod/mini';

const optionalUrl = z.optional(z.url());

const configSchema = z.object({
  STAGE: z.enum(['local', 'dev', 'prod']),
  AWS_REGION: z.string().check(z.minLength(1)),
  TABLE_NAME: z.string().check(z.minLength(1)),
  /** Set only locally: DynamoDB Local / cognito-local endpoints. */
  DYNAMODB_ENDPOINT: optionalUrl,
  COGNITO_ENDPOINT: optionalUrl,
  USER_POOL_ID: z.string().check(z.minLength(1)),
  USER_POOL_CLIENT_ID: z.string().check(z.minLength(1)),
  /** Token issuer; JWKS is read from `${JWT_ISSUER}/.well-known/jwks.json`. */
  JWT_ISSUER: z.url(),
  /** Public origin of the portal, used to build links in emails. */
  PUBLIC_URL: z.url(),
});

export type Config = z.infer<typeof configSchema>;

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const parsed = configSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests and the local stack change env between runs; this forgets the parsed copy. */
export function resetConfig(): void {
  cached = undefined;
}
