/**
 * Oversized input on every operation of the OpenAPI document: each path parameter at 2,000
 * characters, and each string field of each body at 1 MB. The answer is always a 4xx in the
 * documented error shape, never a 5xx (issue 13).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../shared/api/openapi.ts';
import { errorResponse } from '../shared/api/schemas/common.ts';
import { api, signIn, type Signed } from '../infra/local/test-client.ts';

interface Operation {
  operationId: string;
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

const operations = Object.entries(openApiDocument().paths).flatMap(([path, methods]) =>
  Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
);
const LONG = 'a'.repeat(2000);
const MEGABYTE = 'x'.repeat(1024 * 1024);
/** Well-formed values for the parameters the body test does not stretch. */
const fill = (path: string, value: (name: string) => string) => path.replace(/\{(\w+)\}/g, (_, name: string) => value(name));
const plausible = (name: string) => ({ firmSlug: 'designpi', token: 't-designpi.x.y', code: 'SPRING' })[name] ?? 'x';

/** Each string field of a body schema (top level, or an array's items) as a body with only it set, at 1 MB. */
function oversizedBodies(schema: JsonSchema): [string, unknown][] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]): [string, unknown][] => {
    if (field.type === 'string') return [[name, { [name]: MEGABYTE }]];
    if (field.type === 'array' && field.items?.type === 'string') return [[`${name}[]`, { [name]: [MEGABYTE] }]];
    return [];
  });
}

let admin: Signed;
beforeAll(async () => {
  admin = await signIn('hello@designpi.com');
});

const expectDocumentedRefusal = (res: Awaited<ReturnType<typeof api>>, what: string) => {
  expect(res.status, `${what}: ${JSON.stringify(res.body)?.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  expect(errorResponse.safeParse(res.body).success, `${what}: ${JSON.stringify(res.body)?.slice(0, 300)}`).toBe(true);
};

describe('oversized input', () => {
  it.each(operations.filter(({ path }) => path.includes('{')).map((o) => [`${o.method} ${o.path}`, o] as const))(
    '%s: 2,000-character path parameters are a 4xx',
    async (what, { path, method }) => {
      const res = await api(
        fill(path, () => LONG),
        { method, token: admin.token, ...(method !== 'GET' && { body: '{}' }) },
      );
      expectDocumentedRefusal(res, what);
    },
  );

  it.each(operations.filter(({ op }) => op.requestBody).map((o) => [`${o.method} ${o.path}`, o] as const))(
    '%s: each string field at 1 MB is a 4xx',
    async (what, { path, method, op }) => {
      const bodies = oversizedBodies(op.requestBody!.content['application/json'].schema);
      for (const [field, body] of bodies)
        expectDocumentedRefusal(await api(fill(path, plausible), { method, token: admin.token, body: JSON.stringify(body) }), `${what} ${field}`);
    },
  );
});
