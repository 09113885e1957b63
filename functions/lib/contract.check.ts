/**
 * Compile-time checks of the handler contract (functions/lib/contract.ts): `npm run typecheck`
 * fails when one of the marked lines stops being an error. Never imported, never bundled.
 */
import type { Handler, RequestOf } from './contract.ts';

const health = { status: 'ok', table: { status: 'ok', latencyMs: 3 } } as const;

export const checks = [
  // A body the response schema accepts, at a status the manifest documents: fine.
  (async () => ({ body: health })) satisfies Handler<'getHealth'>,
  // @ts-expect-error a field of the wrong type (latencyMs is a number)
  (async () => ({ body: { ...health, table: { status: 'ok', latencyMs: 'fast' } } })) satisfies Handler<'getHealth'>,
  // @ts-expect-error a required field missing (table)
  (async () => ({ body: { status: 'ok' } })) satisfies Handler<'getHealth'>,
  // @ts-expect-error a body where the operation answers none (204)
  (async () => ({ body: { ok: true } })) satisfies Handler<'logout'>,
  // @ts-expect-error a status the manifest does not document (createService answers 201)
  (async () => ({ status: 200, body: undefined as never })) satisfies Handler<'createService'>,

  // A protected operation's actor is signed in; its path parameters are there by name.
  (req: RequestOf<'getTask'>) => [req.actor.tenantId, req.params.taskId.length],
  // @ts-expect-error a public operation's actor may be nobody
  (req: RequestOf<'login'>) => req.actor.tenantId,
  // @ts-expect-error a parameter its path does not have
  (req: RequestOf<'getTask'>) => req.params.userId.length,
  // The parsed body and query, typed by their schemas.
  (req: RequestOf<'login'>) => req.body.email.toLowerCase(),
  // @ts-expect-error a body field the schema does not have
  (req: RequestOf<'login'>) => req.body.tenantId,
];
