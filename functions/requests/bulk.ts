/**
 * One action on many requests. Each request is loaded, authorized and validated on its own, and
 * changed in its own transaction; the answer says, per request, that it worked or why not.
 */
import { AppError, validationFailed } from '../../shared/api/errors.ts';
import type { ReplyOf, RequestOf, SignedInRequest, WithParams } from '../lib/http.ts';
import { assign, edit, move, remove, requestOf } from './change.ts';

type BulkInput = RequestOf<'bulkRequests'>['body'];

const NEEDS = { move: 'to', assign: 'assigneeId', priority: 'priority' } as const;

/** How often a change that lost a race (say, with auto-assignment) is tried again on the fresh request. */
const ATTEMPTS = 3;

/** The action on one request as it is now; its reference when it worked. */
async function act(one: SignedInRequest & WithParams<'requestId'>, input: BulkInput, attempt = 1): Promise<string> {
  const { action, to, assigneeId, priority, note } = input;
  const request = await requestOf(one);
  try {
    if (action === 'move') await move(one, request, to!, { note });
    if (action === 'assign') await assign(one, request, assigneeId!);
    if (action === 'priority') await edit(one, request, { priority: priority! });
    if (action === 'delete') await remove(one, request);
    return request.reference;
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict' && attempt < ATTEMPTS) return act(one, input, attempt + 1);
    throw error;
  }
}

export async function bulkRequests(req: RequestOf<'bulkRequests'>): Promise<ReplyOf<'bulkRequests'>> {
  const { action, requestIds } = req.body;
  const needed = action === 'delete' ? undefined : NEEDS[action];
  if (needed && req.body[needed] === undefined)
    throw validationFailed([{ field: needed, message: `is required to ${action === 'priority' ? 'change the priority' : action}` }]);
  const results = [];
  for (const requestId of new Set(requestIds)) {
    const one = { ...req, params: { ...req.params, requestId } };
    try {
      const reference = await act(one, req.body);
      results.push({ requestId, reference, ok: true });
    } catch (error) {
      // Each request stands alone: one that failed on our side is reported, the others go on.
      if (!(error instanceof AppError)) results.push({ requestId, ok: false, code: 'internal', message: 'Something went wrong with this one. Try it again.' });
      else
        results.push({
          requestId,
          ok: false,
          code: error.code,
          message: error.details?.length ? error.details.map((d) => `${d.field} ${d.message}`).join('; ') : error.message,
        });
    }
  }
  return { body: { results } };
}
