import { queryPage } from '../../shared/db/pagination.ts';
import { database } from './db.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import type { Reply, Request } from '../lib/http.ts';
import { toUserView } from '../lib/user-view.ts';

/** One Query page of the caller's own tenant; the tenant comes from the token, never the request. */
export async function listUsers(req: Request<unknown, { limit: number; cursor?: string }>): Promise<Reply> {
  const { tenantId } = req.actor as AuthenticatedActor;
  const { limit, cursor } = req.query;
  const page = await queryPage(cursor, (from) => database().entities.user.query.byTenant({ tenantId }).go({ limit, cursor: from }), toUserView);
  return { body: page };
}
