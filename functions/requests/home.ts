/** A client's home: what their requests ask of them now, and those still open with who acts next. */
import { forbidden } from '../../shared/api/errors.ts';
import { accessOf } from '../../shared/domain/customers/customers.ts';
import { attentionOf } from '../../shared/domain/requests/attention.ts';
import { reviewPolicyOf } from '../../shared/domain/requests/review.ts';
import { nextStep } from '../../shared/domain/requests/workflow.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { database } from './db.ts';
import { toView, workflowOf } from './request-access.ts';

/** Open requests shown on the home; the full list has the rest. */
const SHOWN = 8;
/** The client's newest requests read (one Query) to find the open ones and what asks for them; older ones wait in the full list. */
const READ = 100;

export async function getClientHome(req: RequestOf<'getClientHome'>): Promise<ReplyOf<'getClientHome'>> {
  const actor = req.actor;
  if (actor.role !== 'CLIENT') throw forbidden('The home is for clients; staff have their dashboard.');
  const { request, tenant } = database().entities;
  const { tenantId } = actor;
  // The same index as their request list: the organisation's with full access, else their own.
  const index =
    actor.contact && accessOf(actor.contact) !== 'own'
      ? request.query.byCustomer({ tenantId, customerId: actor.contact.customerId })
      : request.query.byClient({ tenantId, clientId: actor.userId });
  const [{ data: firm }, { data: open }] = await Promise.all([
    tenant.get({ tenantId }).go(),
    index
      .where(
        (a, op) =>
          `${op.notExists(a.deletedAt)} AND ${op.ne(a.status, 'cancelled')} AND (${op.ne(a.status, 'completed')} OR ${op.notExists(a.clientApprovedAt)})`,
      )
      .go({ order: 'desc', limit: READ }),
  ]);
  const policy = reviewPolicyOf(firm);
  const attention = open.flatMap((r) => {
    const kind = attentionOf(actor, r);
    return kind ? [{ kind, requestId: r.requestId, reference: r.reference, title: r.title, at: (kind === 'reply' && r.lastCommentAt) || r.updatedAt }] : [];
  });
  return {
    body: {
      attention: attention.sort((a, b) => a.at.localeCompare(b.at)),
      open: open.slice(0, SHOWN).map((r) => {
        const next = nextStep(actor, workflowOf(r, policy));
        return { ...toView(r), ...(next && { nextStep: next }) };
      }),
      moreOpen: open.length > SHOWN,
    },
  };
}
