/**
 * Runtime configuration, in sections: each is parsed from env once, on first use (cold start),
 * so a function needs only the settings of the parts it uses. Missing config fails loudly.
 */
import * as z from 'zod/mini';

const required = () => z.string().check(z.minLength(1));

const sections = {
  core: z.object({
    STAGE: z.enum(['local', 'dev', 'prod']),
    AWS_REGION: required(),
    TABLE_NAME: required(),
    /** Set only locally: DynamoDB Local. */
    DYNAMODB_ENDPOINT: z.optional(z.url()),
  }),
  links: z.object({
    /** Public origin of the portal, used to build links in emails. */
    PUBLIC_URL: z.url(),
  }),
  auth: z.object({
    USER_POOL_ID: required(),
    USER_POOL_CLIENT_ID: required(),
    /** Token issuer; JWKS is read from `${JWT_ISSUER}/.well-known/jwks.json`. */
    JWT_ISSUER: z.url(),
    COGNITO_ENDPOINT: z.optional(z.url()),
  }),
  events: z.object({
    EVENT_BUS_NAME: required(),
    EVENTBRIDGE_ENDPOINT: z.optional(z.url()),
  }),
  mail: z.object({
    MAIL_FROM: z.email(),
    /** Set only locally: the SES v2 stand-in that relays to the SMTP catcher. */
    SES_ENDPOINT: z.optional(z.url()),
  }),
  health: z.object({
    /** Dead-letter queue URL by name (shared/events/rules.ts DEAD_LETTER_QUEUES), as JSON. */
    DEAD_LETTER_QUEUES: z.string().check(z.minLength(2)),
    /** Set only locally: the dead-letter queue stand-in. */
    SQS_ENDPOINT: z.optional(z.url()),
  }),
  storage: z.object({
    /** The private bucket of uploads and exports (under `exports/`). */
    UPLOADS_BUCKET: required(),
    /** Set only locally: the S3 stand-in. */
    S3_ENDPOINT: z.optional(z.url()),
  }),
  documents: z.object({
    /** The private bucket of customers' documents: an object is read only once its scan tagged it clean (ADR 0029). */
    DOCUMENTS_BUCKET: required(),
    /** Set only locally: the S3 stand-in. */
    S3_ENDPOINT: z.optional(z.url()),
    /** Set only locally: the scanner's stand-in for GuardDuty's on-demand scan API. */
    GUARDDUTY_ENDPOINT: z.optional(z.url()),
  }),
  plans: z.object({
    /** Signs series plans (HMAC-SHA256): the planner signs, booking-desk checks (ADR 0011). */
    PLAN_SIGNING_KEY: z.string().check(z.minLength(32)),
  }),
  edge: z.object({
    /** CloudFront adds it to every API request (x-origin-verify): a request without it did not come through CloudFront (ADR 0015). */
    ORIGIN_SECRET: z.string().check(z.minLength(32)),
  }),
  realtime: z.object({
    /** The WebSocket API's @connections endpoint (https://{api}.execute-api.{region}.amazonaws.com/{stage}). */
    WS_MANAGEMENT_ENDPOINT: z.url(),
  }),
};

type Sections = typeof sections;
const cache = new Map<keyof Sections, unknown>();

function section<K extends keyof Sections>(name: K): z.infer<Sections[K]> {
  if (!cache.has(name)) {
    const parsed = sections[name].safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid ${name} configuration: ${problems}`);
    }
    cache.set(name, parsed.data);
  }
  return cache.get(name) as z.infer<Sections[K]>;
}

export const config = () => section('core');
export const linksConfig = () => section('links');
export const authConfig = () => section('auth');
export const eventsConfig = () => section('events');
export const mailConfig = () => section('mail');
export const realtimeConfig = () => section('realtime');
export const healthConfig = () => section('health');
export const edgeConfig = () => section('edge');
export const storageConfig = () => section('storage');
export const documentsConfig = () => section('documents');
export const plansConfig = () => section('plans');

/** Tests and the local stack change env between runs; this forgets the parsed copies. */
export function resetConfig(): void {
  cache.clear();
}
