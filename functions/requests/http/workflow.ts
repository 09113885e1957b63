import { WORKFLOW_OPERATIONS } from '../../../shared/api/operations/workflow.ts';
import { WORKFLOW_SCHEMAS } from '../../../shared/api/schemas/workflow.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { contextHandler } from '../../lib/http.ts';
import { bulkRequests } from '../bulk.ts';
import { approveRequest, assignRequest, commentOnRequest, deleteRequest, moveRequest, updateRequest } from '../change.ts';
import { getRequestSettings, updateRequestSettings } from '../settings.ts';

/** A request's changes: moves along the workflow, assignment, comments, the client's approval, edits, deletion, and bulk actions; and the firm's review rules. */
export const handler = contextHandler({
  routes: WORKFLOW_OPERATIONS,
  schemas: WORKFLOW_SCHEMAS,
  operations: {
    moveRequest,
    assignRequest,
    commentOnRequest,
    approveRequest,
    updateRequest,
    deleteRequest,
    bulkRequests,
    getRequestSettings,
    updateRequestSettings,
  },
  authenticate: actorFromClaims,
});
