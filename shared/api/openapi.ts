/** The OpenAPI 3.1 document, generated from the route manifest and its zod schemas. */
import * as z from 'zod/mini';
import { ERROR_STATUS } from './errors.ts';
import { PATH_PARAMS, paramsOf, type PathParam } from './path-params.ts';
import { ROUTES, type RouteDef } from './routes.ts';
import { errorResponse } from './schemas/common.ts';
import { successStatuses } from './schemas/types.ts';
import { SUMMARIES } from './summaries.ts';
import { API_LAMBDAS, type OperationId } from './operations.ts';

const json = (schema: z.ZodMiniType, io: 'input' | 'output') => ({ 'application/json': { schema: z.toJSONSchema(schema, { io, unrepresentable: 'any' }) } });

function queryParameters(route: RouteDef) {
  if (!route.query) return [];
  const schema = z.toJSONSchema(route.query, { io: 'input' }) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: s }));
}

function pathParameters(route: RouteDef) {
  return paramsOf(route.path).map((name) => ({ name, in: 'path', required: true, schema: z.toJSONSchema(PATH_PARAMS[name as PathParam], { io: 'input' }) }));
}

const SUCCESS_DESCRIPTIONS = { 200: 'OK', 201: 'Created', 202: 'Accepted: done now or shortly after', 204: 'Done, nothing to return' } as const;

/** What API Gateway's JWT authorizer answers itself, before any function runs. */
const gatewayRefusal = z.object({ message: z.string() });

function operation(route: RouteDef) {
  // Every error the chain can give, each with the one error body (and its extras, such as a 409's suggestions).
  const errors = Object.fromEntries(
    [...new Set(Object.values(ERROR_STATUS))].map((status) => {
      const codes = Object.entries(ERROR_STATUS)
        .filter(([, s]) => s === status)
        .map(([code]) => code);
      const body = status === 401 && route.access !== 'public' ? z.union([errorResponse, gatewayRefusal]) : errorResponse;
      return [String(status), { description: codes.join(' or '), content: json(body, 'output') }];
    }),
  );
  const successes = Object.fromEntries(
    successStatuses(route).map((status) => [
      String(status),
      { description: SUCCESS_DESCRIPTIONS[status], ...(route.response && status !== 204 && { content: json(route.response, 'output') }) },
    ]),
  );
  return {
    operationId: route.operationId,
    summary: SUMMARIES[route.operationId as OperationId],
    tags: [API_LAMBDAS[route.lambda].context],
    'x-access': route.access,
    ...(route.access !== 'public' && { security: [{ bearer: [] }] }),
    parameters: [...pathParameters(route), ...queryParameters(route)],
    ...(route.body && { requestBody: { required: true, content: json(route.body, 'input') } }),
    responses: { ...successes, ...errors },
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
