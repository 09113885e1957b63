import { validationFailed } from '../../shared/api/errors.ts';
import { database } from '../../shared/db/service.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import type { Reply, Request } from '../lib/http.ts';
import { sessionState } from './session.ts';
import { toUserView } from './views.ts';

export async function getMe(req: Request): Promise<Reply> {
  const actor = req.actor as AuthenticatedActor;
  return { body: await sessionState(actor.tenantId, actor.userId) };
}

/** One Query page of the caller's own tenant; the tenant comes from the token, never the request. */
export async function listUsers(req: Request<unknown, { limit: number; cursor?: string }>): Promise<Reply> {
  const actor = req.actor as AuthenticatedActor;
  const result = await database()
    .entities.user.query.byTenant({ tenantId: actor.tenantId })
    .go({ limit: req.query.limit, cursor: req.query.cursor ?? null })
    .catch((e: unknown) => {
      if (e instanceof Error && /cursor/i.test(e.message)) throw validationFailed([{ field: 'query.cursor', message: 'is not a valid cursor' }]);
      throw e;
    });
  return { body: { items: result.data.map(toUserView), nextCursor: result.cursor } };
}
