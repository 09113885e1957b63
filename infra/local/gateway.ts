/**
 * The local stand-in for API Gateway (HTTP API, payload 2.0) and CloudFront: `/api/*` is
 * routed by the same manifest CDK uses to the deployed function bundles; everything else is
 * the built static site. One origin, as in production.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { verifiedClaims } from '../../functions/lib/jwt-verifier.ts';
import { OPERATIONS, pathPattern, type OperationDef } from '../../shared/api/operations.ts';
import { SECURITY_HEADERS, securityHeaders } from '../../shared/web/security-headers.ts';
import { compress, compressedFile, encodingFor } from './compression.ts';
import type { LocalLambda } from './lambda-runtime.ts';

const MAX_BODY_BYTES = 6 * 1024 * 1024; // the Lambda request payload limit
const compiled = OPERATIONS.map((route: OperationDef) => ({ route, pattern: pathPattern(route.path) }));

function matchRoute(method: string, path: string) {
  for (const { route, pattern } of compiled) {
    const m = pattern.exec(path);
    // API Gateway hands path parameters over decoded; so does this stand-in.
    if (m && route.method === method) return { route, params: Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])) };
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('payload too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

type GatewayEvent = APIGatewayProxyEventV2 & { requestContext: { authorizer?: { jwt: { claims: Record<string, string>; scopes: string[] } } } };

/** What a request to one route carries, as API Gateway has read it. */
export interface RouteRequest {
  route: OperationDef;
  url: URL;
  headers: Record<string, string>;
  cookies?: string[];
  /** Path parameters, decoded as API Gateway hands them over. */
  params: Record<string, string>;
  body?: string;
  sourceIp: string;
  /** The JWT authorizer's claims, for routes behind it. */
  claims?: Record<string, string>;
}

/** The HTTP API payload 2.0 event for a request: what the gateway sends, and what the cold-start benchmark replays. */
export function httpApiEvent({ route, url, headers, cookies = [], params, body, sourceIp, claims }: RouteRequest): GatewayEvent {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(cookies.length && { cookies }),
    ...(url.search && { queryStringParameters: Object.fromEntries(url.searchParams) }),
    ...(Object.keys(params).length && { pathParameters: params }),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: { method: route.method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp, userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims && { authorizer: { jwt: { claims, scopes: [] } } }),
    },
    ...(body && { body }),
    isBase64Encoded: false,
  };
}

/**
 * What CloudFront does to an API request on its way to API Gateway (infra/constructs/web.ts):
 * its viewer-request function writes the viewer's address into `x-viewer-address`, and the
 * origin's custom header adds the origin secret. Either replaces whatever the client sent.
 */
export function throughCloudFront(headers: Record<string, string>, viewerIp: string, originSecret: string): Record<string, string> {
  return { ...headers, 'x-viewer-address': viewerIp, 'x-origin-verify': originSecret };
}

/** The address a socket came from, as CloudFront names a viewer (no IPv4-mapped IPv6 prefix). */
const viewerIpOf = (req: IncomingMessage) => (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');

function toEvent(
  req: IncomingMessage,
  url: URL,
  route: OperationDef,
  params: Record<string, string>,
  body: Buffer,
  originSecret: string,
  claims?: Record<string, string>,
): GatewayEvent {
  const viewer: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && k !== 'cookie') viewer[k] = Array.isArray(v) ? v.join(',') : v;
  const headers = throughCloudFront(viewer, viewerIpOf(req), originSecret);
  const cookies = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean);
  // API Gateway sees CloudFront's address; locally that is the viewer's own.
  return httpApiEvent({ route, url, headers, cookies, params, body: body.length ? body.toString('utf8') : undefined, sourceIp: viewerIpOf(req), claims });
}

/**
 * The JWT authorizer of the routes that are not public: a missing or invalid bearer token gets
 * API Gateway's own 401; a valid one's claims go on to the Lambda as strings, as AWS passes them.
 */
async function authorizerClaims(req: IncomingMessage): Promise<Record<string, string> | undefined> {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) return undefined;
  const claims = await verifiedClaims(header.slice(7)).catch(() => undefined);
  return claims && claimsAsPassed(claims);
}

/** Claims as the JWT authorizer passes them on: every value a string, arrays as `[a b]`. */
export function claimsAsPassed(claims: object): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, Array.isArray(value) ? `[${value.join(' ')}]` : String(value)]));
}

function sendJson(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * What API Gateway makes of a function's answer (payload 2.0): a result without a status code
 * is a 200 JSON body; a failed invocation is its generic 500.
 */
async function invokeRoute(
  lambda: LocalLambda,
  route: OperationDef,
  event: GatewayEvent,
  log: (line: string) => void,
): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    const result = await lambda.invoke<APIGatewayProxyStructuredResultV2 | string | null>(`api/${route.lambda}`, event);
    if (result && typeof result === 'object' && 'statusCode' in result) return result;
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: typeof result === 'string' ? result : JSON.stringify(result) };
  } catch (error) {
    log(`${route.method} ${route.path}: ${String(error)}`);
    return { statusCode: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Internal Server Error' }) };
  }
}

async function serveApi(lambda: LocalLambda, originSecret: string, log: (line: string) => void, req: IncomingMessage, res: ServerResponse, url: URL) {
  const method = req.method ?? 'GET';
  let match;
  try {
    match = matchRoute(method, url.pathname);
  } catch {
    return sendJson(res, 400, 'bad_path', 'The path is not validly encoded.');
  }
  if (!match) return sendJson(res, 404, 'not_found', `No route ${method} ${url.pathname}.`);
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch {
    return sendJson(res, 413, 'payload_too_large', 'The request body is larger than 6 MB.');
  }
  const claims = match.route.access === 'public' ? undefined : await authorizerClaims(req);
  if (match.route.access !== 'public' && !claims) {
    res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer', ...SECURITY_HEADERS });
    return res.end(JSON.stringify({ message: 'Unauthorized' }));
  }
  const event = toEvent(req, url, match.route, match.params, body, originSecret, claims);
  const result = await invokeRoute(lambda, match.route, event, log);
  const headers: Record<string, string | string[]> = { ...SECURITY_HEADERS, ...(result.headers as Record<string, string>) };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  let payload: Buffer = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : Buffer.from(result.body ?? '');
  const encoding = headers['content-encoding']
    ? undefined
    : encodingFor(req.headers['accept-encoding'], headers['content-type'] as string | undefined, payload.length);
  if (encoding) {
    payload = compress(payload, encoding);
    Object.assign(headers, { 'content-encoding': encoding, vary: 'accept-encoding' });
  }
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(payload);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileIfExists(path: string) {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? path : undefined;
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, siteDir: string, pageHeaders: Readonly<Record<string, string>>) {
  const relative = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(siteDir, relative);
  if (!candidate.startsWith(siteDir)) return sendJson(res, 400, 'bad_path', 'Bad path.');
  const file = (await fileIfExists(candidate)) ?? (await fileIfExists(join(candidate, 'index.html')));
  const notFound = file ? undefined : await fileIfExists(join(siteDir, '404.html'));
  const path = file ?? notFound;
  if (!path) return sendJson(res, 404, 'not_found', 'Not found.');
  const immutable = relative.startsWith('/_astro/');
  const contentType = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
  const [body, info] = await Promise.all([readFile(path), stat(path)]);
  const encoding = encodingFor(req.headers['accept-encoding'], contentType, body.length);
  res.writeHead(file ? 200 : 404, {
    'content-type': contentType,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(encoding && { 'content-encoding': encoding, vary: 'accept-encoding' }),
    ...pageHeaders,
  });
  res.end(encoding ? compressedFile(`${path} ${info.mtimeMs} ${info.size}`, body, encoding) : body);
}

/**
 * `originSecret` is the value CloudFront adds to every API request (the functions' ORIGIN_SECRET);
 * pages may send documents to `uploadOrigin` (the local S3), as CloudFront's CSP allows the bucket.
 */
export function startGateway(
  port: number,
  siteDir: string,
  lambda: LocalLambda,
  originSecret: string,
  uploadOrigin: string,
  log: (line: string) => void,
): Promise<Server> {
  const pageHeaders = securityHeaders([uploadOrigin]);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const work = url.pathname.startsWith('/api/') ? serveApi(lambda, originSecret, log, req, res, url) : serveStatic(req, res, url, siteDir, pageHeaders);
    work.catch((error: unknown) => {
      log(`gateway error on ${req.method} ${url.pathname}: ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, 'internal', 'Something went wrong on our side.');
      else res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
