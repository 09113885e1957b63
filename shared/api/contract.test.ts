/** What every operation of the manifest must declare, so bad input is refused before it costs anything. */
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { PATH_PARAMS, paramsOf } from './path-params.ts';
import { ROUTES } from './routes.ts';

type JsonSchema = Record<string, unknown>;

/** Every string in a JSON schema without a maximum length, by its path (`field[]` for array items). */
function unboundedStrings(schema: unknown, where: string): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as JsonSchema;
  const own = s.type === 'string' && s.maxLength === undefined && s.enum === undefined && s.const === undefined ? [where] : [];
  const nested = Object.entries(s).flatMap(([key, value]) => {
    if (key === 'properties') return Object.entries(value as JsonSchema).flatMap(([name, property]) => unboundedStrings(property, `${where}.${name}`));
    if (key === 'items') return unboundedStrings(value, `${where}[]`);
    if (key === 'additionalProperties') return unboundedStrings(value, `${where}{}`);
    if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') return (value as unknown[]).flatMap((part) => unboundedStrings(part, where));
    return [];
  });
  return [...own, ...nested];
}

describe('the contract', () => {
  it('gives every string a client sends a maximum length', () => {
    const unbounded = ROUTES.flatMap((route) =>
      (['body', 'query'] as const).flatMap((part) =>
        route[part] ? unboundedStrings(z.toJSONSchema(route[part], { io: 'input', unrepresentable: 'any' }), `${route.operationId}.${part}`) : [],
      ),
    );
    expect(unbounded).toEqual([]);
  });

  it('gives every path parameter a format and a maximum length', () => {
    const undeclared = ROUTES.flatMap((route) =>
      paramsOf(route.path)
        .filter((name) => !(name in PATH_PARAMS))
        .map((name) => `${route.operationId}: ${name}`),
    );
    expect(undeclared).toEqual([]);
    for (const [name, schema] of Object.entries(PATH_PARAMS)) expect((z.toJSONSchema(schema) as JsonSchema).maxLength, name).toBeLessThanOrEqual(200);
  });

  it('is really checking: an unbounded string is found', () => {
    expect(unboundedStrings(z.toJSONSchema(z.object({ a: z.array(z.object({ b: z.string() })) })), 'x')).toEqual(['x.a[].b']);
  });
});
