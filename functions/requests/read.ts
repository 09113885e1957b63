/** Reading requests: lists (one Query a page: query.ts) and one request's page. */
import { hasPermission } from '../../shared/domain/identity/policy.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import { whyUnchangeable } from '../../shared/domain/bookings/changeable.ts';
import { bookingSettingsOf } from '../../shared/domain/bookings/settings.ts';
import { reviewPolicyOf } from '../../shared/domain/requests/review.ts';
import { allowedMoves, mayApprove, mayEdit, nextStep } from '../../shared/domain/requests/workflow.ts';
import { queryPage } from '../../shared/db/pagination.ts';
import { validationFailed } from '../../shared/api/errors.ts';
import { directionOf } from '../../shared/domain/requests/list-order.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { bookingView } from '../bookings/view.ts';
import { database } from './db.ts';
import { requestQuery } from './query.ts';
import { activityView, requestOf, toView, workflowOf, type RequestItem } from './request-access.ts';
import { attachmentViews } from './attachments.ts';
import { requestAttachments } from '../../shared/domain/documents/attachments.ts';

export async function listRequests(req: RequestOf<'listRequests'>): Promise<ReplyOf<'listRequests'>> {
  const { limit, cursor, sort = 'created', order, ...filters } = req.query;
  // Other orders read the firm's index narrowed to the caller's: a client's few requests would cost a read of the firm's.
  if (sort !== 'created' && req.actor.role === 'CLIENT')
    throw validationFailed([{ field: 'query.sort', message: 'a client’s requests are listed by when they were asked (created)' }]);
  const query = requestQuery(req.actor, filters, sort);
  // One Query a page: with filters a page may hold fewer than `limit` while `nextCursor` says more may follow (the web reads on).
  const page = await queryPage(cursor, (from) => query.go({ limit, cursor: from, order: directionOf(sort, order) }), toView);
  return { body: page };
}

export async function getRequest(req: RequestOf<'getRequest'>): Promise<ReplyOf<'getRequest'>> {
  const actor = req.actor;
  const { entities } = database();
  const [request, { data: firm }] = await Promise.all([requestOf(entities, req), entities.tenant.get({ tenantId: actor.tenantId }).go()]);
  const [{ data: activity }, booking] = await Promise.all([
    entities.activity.query.byRequest({ tenantId: actor.tenantId, requestId: request.requestId }).go({ pages: 'all' }),
    request.isBooking ? bookingOfRequest(actor, request) : undefined,
  ]);
  // Internal notes are for staff only.
  const visible = activity.filter((a) => !a.internal || actor.role !== 'CLIENT');
  const [attachments, ...attachedToComments] = await attachmentViews(actor, [requestAttachments(request), ...visible.map((a) => a.attachedDocuments)]);
  const workflow = workflowOf(request, reviewPolicyOf(firm));
  const next = nextStep(actor, workflow);
  return {
    body: {
      ...toView(request),
      attachments: attachments!,
      activity: visible.map((a, i) => activityView(a, attachedToComments[i]!)),
      // Assigning is its own action (it names the person), not a plain move.
      allowedMoves: allowedMoves(actor, workflow).filter((s) => s !== 'assigned'),
      mayApprove: mayApprove(actor, workflow),
      mayEdit: mayEdit(actor, workflow),
      ...(next && { nextStep: next }),
      review: workflow.review === true,
      ...(booking && { booking }),
    },
  };
}

/**
 * A booking's time and price, and whether the reader may still move or cancel it themselves:
 * its client until the service's cut-off, staff who change requests until it starts (the same
 * rules the booking routes apply).
 */
async function bookingOfRequest(actor: AuthenticatedActor, request: RequestItem) {
  const { data: service } = await database().entities.service.get({ tenantId: request.tenantId, serviceId: request.serviceId }).go();
  const settings = bookingSettingsOf(service?.booking);
  const staff = isStaff(actor.role);
  const mayAct = staff ? hasPermission(actor, 'service_requests.update') : request.clientId === actor.userId;
  const mayChange = mayAct && !whyUnchangeable(request, settings, { staff, now: Date.now() });
  return { ...bookingView(request, settings), mayChange };
}
