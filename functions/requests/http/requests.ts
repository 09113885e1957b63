import { REQUESTS_OPERATIONS } from '../../../shared/api/operations/requests.ts';
import { REQUESTS_SCHEMAS } from '../../../shared/api/schemas/requests.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { contextHandler } from '../../lib/http.ts';
import { createRequest } from '../create.ts';
import { getClientHome } from '../home.ts';
import { getRequest, listRequests } from '../read.ts';

/** Service requests: asking for a service, lists and the request page (their changes: ../workflow). */
export const handler = contextHandler({
  routes: REQUESTS_OPERATIONS,
  schemas: REQUESTS_SCHEMAS,
  operations: { createRequest, listRequests, getRequest, getClientHome },
  authenticate: actorFromClaims,
});
