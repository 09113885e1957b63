/**
 * Every answer the tests get through `api()` is checked against the OpenAPI document, as an
 * outside client would read it: a status the document gives for that operation, and a body its
 * JSON Schema accepts (an independent validator, Ajv, not the zod schemas the document is made
 * from). So the document cannot drift from what the API answers, in any test.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { openApiDocument } from '../../shared/api/openapi.ts';
import { paramsOf } from '../../shared/api/path-params.ts';
import { ROUTES } from '../../shared/api/routes.ts';

type Responses = Record<string, { content?: { 'application/json'?: { schema: object } } }>;

const ajv = new Ajv2020({ strict: false, allErrors: true });
const validators = new Map<string, ValidateFunction>();
type Paths = Record<string, Record<string, { responses: Responses }>>;
let documented: Paths | undefined;

// A literal segment wins over a parameter (/api/users/me before /api/users/{userId}).
const routes = ROUTES.map((route) => ({ route, pattern: new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`) })).sort(
  (a, b) => paramsOf(a.route.path).length - paramsOf(b.route.path).length,
);

/** What is wrong with this answer by the document, if anything; nothing for a path that is no operation's. */
export function contractProblem(method: string, path: string, status: number, body: unknown): string | undefined {
  const pathname = new URL(path, 'http://portal').pathname;
  const found = routes.find(({ route, pattern }) => route.method === method && pattern.test(pathname));
  if (!found) return undefined;
  const { operationId, path: template } = found.route;
  const what = `${method} ${pathname} (${operationId}) answered ${status}`;
  if (status >= 500) return `${what}: a server error is never an answer`;
  documented ??= openApiDocument().paths as Paths;
  const responses = documented[template]![method.toLowerCase()]!.responses;
  const response = responses[String(status)];
  if (!response) return `${what}, which the document does not give (it gives ${Object.keys(responses).join(', ')})`;
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return body === undefined ? undefined : `${what} with a body, where the document gives none`;
  const key = `${operationId} ${status}`;
  const validate = validators.get(key) ?? ajv.compile(schema);
  validators.set(key, validate);
  if (validate(body)) return undefined;
  const problems = new Set(
    (validate.errors ?? []).map((e) => `${e.instancePath || 'the body'} ${e.message}${e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`),
  );
  return `${what} with a body the document rejects: ${[...problems].slice(0, 5).join('; ')}`;
}
