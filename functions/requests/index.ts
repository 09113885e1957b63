import { REQUESTS_OPERATIONS } from '../../shared/api/operations/requests.ts';
import { REQUESTS_SCHEMAS } from '../../shared/api/schemas/requests.ts';
import { actorFromToken } from '../lib/auth.ts';
import { contextHandler } from '../lib/http.ts';
import { approveRequest, assignRequest, commentOnRequest, moveRequest } from './change.ts';
import { createRequest } from './create.ts';
import { getRequest, listRequests } from './read.ts';

/** Service requests: the firm's daily work, from the client's ask to their approval. */
export const handler = contextHandler({
  routes: REQUESTS_OPERATIONS,
  schemas: REQUESTS_SCHEMAS,
  operations: { createRequest, listRequests, getRequest, moveRequest, assignRequest, commentOnRequest, approveRequest },
  authenticate: actorFromToken,
});
