/**
 * The one middy chain every HTTP Lambda uses: structured logging, routing from the manifest,
 * zod parsing, authentication and permission check, and a single error mapper.
 * Handlers stay thin: they receive parsed input and an authenticated actor.
 */
import { timingSafeEqual } from 'node:crypto';
import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import type * as z from 'zod/mini';
import { AppError, forbidden, unauthenticated, validationFailed, type ErrorBody, type FieldProblem } from '../../shared/api/errors.ts';
import type { OperationDef, OperationId, SuccessStatus } from '../../shared/api/operations.ts';
import { PATH_PARAMS, paramsOf, type PathParam } from '../../shared/api/path-params.ts';
import { successStatuses, type Schemas } from '../../shared/api/schemas/types.ts';
import { edgeConfig } from '../../shared/config.ts';
import { hasPermission } from '../../shared/domain/identity/policy.ts';
import type { AuthenticatedActor, JwtClaims } from './auth.ts';
import type { Handler, Request } from './contract.ts';

type RouteDef = OperationDef & Schemas;

/**
 * Turns the claims API Gateway's JWT authorizer checked into the caller; injected so contexts
 * with only public routes carry no auth code.
 */
export type Authenticator = (claims: JwtClaims) => Promise<AuthenticatedActor>;

export type { Handler, ReplyOf, Request, RequestOf, SignedInRequest, WithParams } from './contract.ts';

/** What the chain sends back, whichever operation answered. */
interface Reply {
  status?: number;
  body?: unknown;
  cookies?: string[];
}

type Operation = (req: Request) => Promise<Reply>;

/** On routes that are not public, API Gateway's JWT authorizer adds the token's claims. */
type Event = APIGatewayProxyEventV2 & { requestContext: { authorizer?: { jwt?: { claims: JwtClaims } } } };
type Result = APIGatewayProxyStructuredResultV2;

const jsonHeaders = (requestId: string, extra: Record<string, string> = {}) => ({
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-request-id': requestId,
  ...extra,
});

const BOUNDS = {
  too_small: { string: 'too_short', array: 'too_few', number: 'too_small' },
  too_big: { string: 'too_long', array: 'too_many', number: 'too_large' },
} as const;

/** The rule an issue broke, and its bound, in words any language can give (shared/api/errors.ts). */
function ruleOf(issue: z.core.$ZodIssue): Pick<FieldProblem, 'rule' | 'limit'> {
  if (issue.message === 'is required') return { rule: 'required' };
  if (issue.code === 'invalid_type') return { rule: 'type' };
  if (issue.code === 'invalid_format') return { rule: 'format' };
  if (issue.code === 'invalid_value') return { rule: 'choice' };
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const rule = BOUNDS[issue.code][issue.origin as 'string' | 'array' | 'number'];
    const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    if (rule) return Number.isFinite(limit) ? { rule, limit } : { rule };
  }
  return { rule: 'invalid' };
}

/** zod issues → one problem per field, named by its path (e.g. `budget.min`), with the rule it broke. */
export function fieldProblems(error: { issues: z.core.$ZodIssue[] }, prefix = ''): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || prefix || 'body',
    message: issue.message,
    ...ruleOf(issue),
  }));
}

function parse(schema: z.ZodMiniType | undefined, value: unknown, where: 'body' | 'query'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationFailed(fieldProblems(result.error, where === 'query' ? 'query' : ''));
  return result.data;
}

/** Each path parameter in its format (shared/api/path-params.ts), before anything reads the database. */
function parseParams(route: RouteDef, given: Record<string, string | undefined> | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  const problems = paramsOf(route.path).flatMap((name) => {
    const result = PATH_PARAMS[name as PathParam].safeParse(given?.[name] ?? '');
    if (result.success) params[name] = result.data;
    return result.success ? [] : fieldProblems(result.error, `path.${name}`);
  });
  if (problems.length) throw validationFailed(problems);
  return params;
}

function readBody(event: Event): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw validationFailed([{ field: 'body', message: 'is not valid JSON' }]);
  }
}

/**
 * Only requests that came through CloudFront are served: CloudFront adds the origin secret
 * (overwriting any a client sends), so a call to the API's own endpoint, which skips the WAF,
 * is refused. The trust chain is in ADR 0015.
 */
function refuseUnlessThroughCloudFront(event: Event): void {
  const given = Buffer.from(event.headers?.['x-origin-verify'] ?? '');
  const expected = Buffer.from(edgeConfig().ORIGIN_SECRET);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw forbidden('Use the portal’s own address.');
}

/**
 * The viewer's address. API Gateway sees CloudFront's; CloudFront's viewer-request function
 * writes the viewer's own into `x-viewer-address`, replacing whatever the client sent, and
 * only requests that came through CloudFront get here.
 */
function clientIp(event: Event): string {
  return event.headers?.['x-viewer-address'] || event.requestContext.http.sourceIp;
}

function readCookies(event: Event): Record<string, string> {
  const pairs = (event.cookies ?? []).map((c) => {
    const at = c.indexOf('=');
    return [c.slice(0, at).trim(), decodeURIComponent(c.slice(at + 1).trim())] as const;
  });
  return Object.fromEntries(pairs);
}

async function authenticate(route: RouteDef, event: Event, actorFromClaims: Authenticator | undefined): Promise<AuthenticatedActor | undefined> {
  if (route.access === 'public' || !actorFromClaims) return undefined;
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims) throw unauthenticated();
  const actor = await actorFromClaims(claims);
  if (actor.mfaPending && !route.beforeMfa)
    throw new AppError('mfa_required', 'Your firm requires two-step sign-in. Turn it on from your Account page to continue.');
  if (route.access !== 'signed-in' && !hasPermission(actor, route.access)) throw forbidden();
  return actor;
}

function routeHandler(route: RouteDef, operation: Operation, actorFromClaims: Authenticator | undefined, extraHeaders: Record<string, string>) {
  return async (event: Event): Promise<Result> => {
    const requestId = event.requestContext.requestId;
    refuseUnlessThroughCloudFront(event);
    const params = parseParams(route, event.pathParameters);
    const actor = await authenticate(route, event, actorFromClaims);
    const request: Request = {
      body: parse(route.body, readBody(event), 'body'),
      query: parse(route.query, event.queryStringParameters, 'query'),
      params,
      cookies: readCookies(event),
      ip: clientIp(event),
      userAgent: event.requestContext.http.userAgent ?? '',
      requestId,
      actor,
    };
    const reply = await operation(request);
    // The manifest's statuses are what OpenAPI documents: an answer outside them is a bug here, not a success.
    const documented = successStatuses(route);
    const status = reply.status ?? (route.success?.length === 1 ? route.success[0]! : reply.body === undefined ? 204 : 200);
    if (!documented.includes(status as SuccessStatus))
      throw new Error(`${route.operationId} answered ${status}, but its manifest documents ${documented.join(', ')}`);
    return {
      statusCode: status,
      headers: jsonHeaders(requestId, extraHeaders),
      ...(reply.cookies && { cookies: reply.cookies }),
      body: reply.body === undefined ? '' : JSON.stringify(reply.body),
    };
  };
}

function errorResult(error: unknown, requestId: string, logger: Logger, extraHeaders: Record<string, string>): Result {
  const known = error instanceof AppError ? error : undefined;
  if (!known) logger.error('unhandled error', error as Error);
  const body: ErrorBody = {
    error: known
      ? { ...known.extra, code: known.code, message: known.message, ...(known.details && { details: known.details }), requestId }
      : { code: 'internal', message: 'Something went wrong on our side. Please try again.', requestId },
  };
  return { statusCode: known?.status ?? 500, headers: jsonHeaders(requestId, { ...extraHeaders, ...known?.headers }), body: JSON.stringify(body) };
}

export interface LambdaDefinition<Routes extends readonly OperationDef[]> {
  /** The Lambda's operations (shared/api/operations/<lambda>.ts). */
  routes: Routes;
  /** Its schema map (shared/api/schemas/<lambda>.ts). */
  schemas: Record<Routes[number]['operationId'], Schemas>;
  /** One handler per operation, each typed from its operation's contract. */
  operations: { [Id in Routes[number]['operationId'] & OperationId]: Handler<Id> };
  /** Required when any route of the Lambda is not public. */
  authenticate?: Authenticator;
  /**
   * Answers readable by pages of any origin (the website widget on firms' own sites): no
   * cookies and no credentials are read, so `*` opens nothing a token does not.
   */
  crossOrigin?: true;
}

/**
 * Builds an API Lambda's handler from the manifest. Every manifest route of the
 * Lambda must have an operation and schemas, and non-public routes an authenticator:
 * a gap fails at cold start, not at request time.
 */
export function contextHandler<const Routes extends readonly OperationDef[]>(definition: LambdaDefinition<Routes>) {
  const { routes: definitions, schemas, authenticate: actorFromClaims } = definition;
  const extraHeaders: Record<string, string> = definition.crossOrigin ? { 'access-control-allow-origin': '*' } : {};
  if (definition.crossOrigin && actorFromClaims) throw new Error('A cross-origin Lambda must not authenticate: its routes are public.');
  // Each handler takes its own operation's request; the router gives each only its own.
  const operations = definition.operations as unknown as Record<string, Operation>;
  const schemaOf = schemas as Record<string, Schemas>;
  const context = definitions[0]!.lambda;
  const routes: RouteDef[] = definitions.map((o) => ({ ...o, ...schemaOf[o.operationId] }));
  const missing = routes.filter((r) => !operations[r.operationId] || !schemaOf[r.operationId]).map((r) => r.operationId);
  if (missing.length) throw new Error(`${context}: no operation or schemas for ${missing.join(', ')}`);
  if (!actorFromClaims && routes.some((r) => r.access !== 'public')) throw new Error(`${context}: non-public routes need an authenticator`);
  const undeclared = routes.flatMap((r) => paramsOf(r.path)).filter((name) => !(name in PATH_PARAMS));
  if (undeclared.length) throw new Error(`${context}: path parameters without a format in shared/api/path-params.ts: ${undeclared.join(', ')}`);

  const logger = new Logger({ serviceName: context });
  const router = httpRouterHandler<Event, Result>({
    routes: routes.map((r) => ({ method: r.method, path: r.path, handler: routeHandler(r, operations[r.operationId]!, actorFromClaims, extraHeaders) })),
    notFoundResponse: ({ method, path }) => {
      throw new AppError('not_found', `No route ${method} ${path}.`);
    },
  });

  return (
    middy<Event, Result, Error, LambdaContext>()
      .use(injectLambdaContext(logger, { resetKeys: true }))
      // The request id the answer carries (x-request-id) is the id its events carry on: logs of both follow it.
      .use({ before: (request) => logger.appendKeys({ correlationId: request.event.requestContext?.requestId }) })
      .use({
        onError: (request) => {
          request.response = errorResult(request.error, request.event.requestContext?.requestId ?? '', logger, extraHeaders);
        },
      })
      .handler(router as unknown as (e: Event, c: LambdaContext) => Promise<Result>)
  );
}
