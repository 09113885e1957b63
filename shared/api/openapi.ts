/** The OpenAPI 3.1 document, generated from the route manifest and its zod schemas. */
import * as z from 'zod/mini';
import { ERROR_STATUS } from './errors.ts';
import { PATH_PARAMS, paramsOf, type PathParam } from './path-params.ts';
import { ROUTES, type RouteDef } from './routes.ts';
import { errorResponse } from './schemas/common.ts';
import { SUMMARIES } from './summaries.ts';
import type { OperationId } from './operations.ts';

const json = (schema: z.ZodMiniType, io: 'input' | 'output') => ({ 'application/json': { schema: z.toJSONSchema(schema, { io, unrepresentable: 'any' }) } });

function queryParameters(route: RouteDef) {
  if (!route.query) return [];
  const schema = z.toJSONSchema(route.query, { io: 'input' }) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: s }));
}

function pathParameters(route: RouteDef) {
  return paramsOf(route.path).map((name) => ({ name, in: 'path', required: true, schema: z.toJSONSchema(PATH_PARAMS[name as PathParam], { io: 'input' }) }));
}

function operation(route: RouteDef) {
  const errors = Object.fromEntries(
    (['validation_failed', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'internal'] as const).map((code) => [
      String(ERROR_STATUS[code]),
      { description: code, content: json(errorResponse, 'output') },
    ]),
  );
  return {
    operationId: route.operationId,
    summary: SUMMARIES[route.operationId as OperationId],
    tags: [route.context],
    'x-access': route.access,
    ...(route.access !== 'public' && { security: [{ bearer: [] }] }),
    parameters: [...pathParameters(route), ...queryParameters(route)],
    ...(route.body && { requestBody: { required: true, content: json(route.body, 'input') } }),
    responses: {
      [route.response ? '200' : '204']: { description: 'OK', ...(route.response && { content: json(route.response, 'output') }) },
      ...errors,
    },
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: '3.1.0',
    info: { title: 'Service Portal API', version: '0.1.0' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
