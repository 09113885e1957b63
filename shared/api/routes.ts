/** The operations with their zod schemas: what the handlers parse and OpenAPI documents. */
import type { z } from 'zod';
import { OPERATIONS, type Context, type OperationDef, type OperationId } from './operations.ts';
import { pageQuery } from './schemas/common.ts';
import { loginInput, me, session, userPage } from './schemas/identity.ts';

export { CONTEXTS, pathPattern, type Access, type Context } from './operations.ts';

export interface Schemas {
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
}

export type RouteDef = OperationDef & Schemas;

const SCHEMAS = {
  login: { body: loginInput, response: session },
  refresh: { response: session },
  logout: {},
  getMe: { response: me },
  listUsers: { query: pageQuery, response: userPage },
  getOpenApi: {},
  getHealth: {},
} satisfies Record<OperationId, Schemas>;

export const ROUTES: RouteDef[] = OPERATIONS.map((op) => ({ ...op, ...SCHEMAS[op.operationId] }));

export const routesOf = (context: Context): RouteDef[] => ROUTES.filter((r) => r.context === context);

/** Response types for the typed web client (types only: no zod reaches the browser). */
export type ResponseOf<Id extends OperationId> = (typeof SCHEMAS)[Id] extends { response: infer R extends z.ZodType } ? z.infer<R> : void;
export type BodyOf<Id extends OperationId> = (typeof SCHEMAS)[Id] extends { body: infer B extends z.ZodType } ? z.input<B> : undefined;
