import { queryPage } from '../../shared/db/pagination.ts';
import { database } from './people-db.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { toUserView } from './user-view.ts';

/** One Query page of the caller's own tenant; the tenant comes from the token, never the request. */
export async function listUsers(req: RequestOf<'listUsers'>): Promise<ReplyOf<'listUsers'>> {
  const { tenantId } = req.actor;
  const { limit, cursor, role } = req.query;
  const { user } = database().entities;
  // One role's people (e.g. the clients to ask on behalf of) come from the by-role index.
  const page = await queryPage(
    cursor,
    (from) => (role ? user.query.byRole({ tenantId, role }) : user.query.byTenant({ tenantId })).go({ limit, cursor: from }),
    toUserView,
  );
  return { body: page };
}
