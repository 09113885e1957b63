/**
 * What each handler receives and may answer, inferred from its operation's manifest entry and
 * zod schemas by operation id (types only: nothing here reaches a bundle). A handler declared
 * `(req: RequestOf<'getTask'>): Promise<ReplyOf<'getTask'>>` gets its parsed body and query, its
 * path parameters by name, a signed-in actor on every protected route, and fails `tsc` when it
 * answers a body its response schema would reject or a status its manifest does not document.
 */
import type * as z from 'zod/mini';
import type { OPERATIONS, OperationId, SuccessStatus } from '../../shared/api/operations.ts';
import type { SchemasById } from '../../shared/api/routes.ts';
import type { AuthenticatedActor } from './auth.ts';

/** What every request carries, whatever its operation. */
export interface Request {
  body: unknown;
  query: unknown;
  params: Record<string, string>;
  cookies: Record<string, string>;
  ip: string;
  userAgent: string;
  requestId: string;
  /** Present on every route whose access is not 'public'. */
  actor: AuthenticatedActor | undefined;
}

/** A request of a protected route: what helpers shared by several protected operations take. */
export type SignedInRequest = Request & { actor: AuthenticatedActor };

type OperationOf<Id extends OperationId> = Extract<(typeof OPERATIONS)[number], { operationId: Id }>;
type SchemasOf<Id extends OperationId> = SchemasById[Id];
type Parsed<S, Part extends 'body' | 'query'> = S extends { [P in Part]: infer T extends z.ZodMiniType } ? z.output<T> : undefined;
type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

export interface RequestOf<Id extends OperationId> extends Request {
  body: Parsed<SchemasOf<Id>, 'body'>;
  query: Parsed<SchemasOf<Id>, 'query'>;
  params: Record<ParamNames<OperationOf<Id>['path']>, string>;
  /** A public operation serves the anonymous and the signed in alike; any other only the signed in. */
  actor: OperationOf<Id>['access'] extends 'public' ? AuthenticatedActor | undefined : AuthenticatedActor;
}

/** The manifest's statuses, else 200 with a response schema and 204 without (as at run time: shared/api/schemas/types.ts). */
type StatusOf<Id extends OperationId> =
  OperationOf<Id> extends { success: readonly (infer S extends SuccessStatus)[] } ? S : SchemasOf<Id> extends { response: z.ZodMiniType } ? 200 : 204;

/** The answer: a body its response schema accepts (none without one) and a documented status. */
export type ReplyOf<Id extends OperationId> = {
  status?: StatusOf<Id>;
  cookies?: string[];
} & (SchemasOf<Id> extends { response: infer R extends z.ZodMiniType } ? { body: z.input<R> } : { body?: undefined });

export type Handler<Id extends OperationId> = (req: RequestOf<Id>) => Promise<ReplyOf<Id>>;

/** The path parameters a helper shared by several operations reads, e.g. `SignedInRequest & WithParams<'taskId'>`. */
export type WithParams<Name extends string> = { params: Record<Name, string> };
