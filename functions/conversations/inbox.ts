/**
 * What the staff inbox shows beside a thread (ADR 0033): the customer panel, and the staff a
 * lead or admin may assign a conversation to.
 */
import { forbidden, notFound, validationFailed } from '../../shared/api/errors.ts';
import { Customer, customerOf } from '../../shared/db/entities/customer.ts';
import { ServiceRequest } from '../../shared/db/entities/service-request.ts';
import { User } from '../../shared/db/entities/user.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { isOpen } from '../../shared/domain/requests/kpis.ts';
import { hasPermission } from '../../shared/domain/identity/policy.ts';
import { isStaff, STAFF_ROLES } from '../../shared/domain/identity/permissions.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { conversationFor } from './access.ts';

const database = databaseOf({ customer: Customer, user: User, request: ServiceRequest });

/** How many open requests and bookings the panel lists: the latest, with a link to the rest. */
const PANEL_ROWS = 5;

/** Staff who may open the conversation see its customer: contacts, open work they may see, bookings to come. */
export async function getConversationCustomer(req: RequestOf<'getConversationCustomer'>): Promise<ReplyOf<'getConversationCustomer'>> {
  const { actor } = req;
  if (!isStaff(actor.role)) throw forbidden('The customer panel is for staff.');
  const c = await conversationFor(actor, req.params.conversationId);
  if (!c.customerId) throw notFound('Customer');
  const { tenantId } = actor;
  const { customer, user, request } = database().entities;
  const [{ data: found }, { data: contacts }, { data: work }] = await Promise.all([
    customer.get({ tenantId, customerId: c.customerId }).go(),
    user.query.byCustomer({ tenantId, customerId: c.customerId }).go({ pages: 'all' }),
    request.query
      .byCustomer({ tenantId, customerId: c.customerId })
      .where((a, op) => op.notExists(a.deletedAt))
      .go({
        pages: 'all',
        order: 'desc',
        attributes: ['requestId', 'reference', 'title', 'serviceName', 'status', 'isBooking', 'scheduledAt', 'assigneeId', 'customerId'],
      }),
  ]);
  if (!found) throw notFound('Customer');
  const seesAll = hasPermission(actor, 'service_requests.read.all');
  const visible = work.filter((r) => customerOf(r) === c.customerId && (seesAll || r.assigneeId === actor.userId));
  const now = new Date().toISOString();
  return {
    body: {
      customerId: found.customerId,
      name: found.name,
      status: found.status,
      // As the customers API decides (functions/customers/access.ts): all, the account manager, or someone with work of theirs.
      openable: hasPermission(actor, 'customers.read.all') || found.accountManagerId === actor.userId || work.some((r) => r.assigneeId === actor.userId),
      contacts: contacts
        .filter((u) => u.status !== 'deactivated')
        .map((u) => ({
          userId: u.userId,
          name: u.name,
          email: u.email,
          ...(u.phone && { phone: u.phone }),
          ...(u.contactRole && { contactRole: u.contactRole }),
          isPrimaryContact: u.isPrimaryContact ?? false,
        }))
        .sort((a, b) => Number(b.isPrimaryContact) - Number(a.isPrimaryContact) || a.name.localeCompare(b.name)),
      openRequests: visible
        .filter((r) => !r.isBooking && isOpen(r.status))
        .slice(0, PANEL_ROWS)
        .map((r) => ({ requestId: r.requestId, reference: r.reference, title: r.title, status: r.status })),
      upcomingBookings: visible
        .filter((r) => r.isBooking && r.scheduledAt && r.scheduledAt >= now && r.status !== 'cancelled')
        .sort((a, b) => a.scheduledAt!.localeCompare(b.scheduledAt!))
        .slice(0, PANEL_ROWS)
        .map((r) => ({ bookingId: r.requestId, reference: r.reference, serviceName: r.serviceName, start: r.scheduledAt! })),
    },
  };
}

/** Active staff of the firm (the platform operator is not one of them), by name: one Query per staff role. */
export async function listConversationAssignees(req: RequestOf<'listConversationAssignees'>): Promise<ReplyOf<'listConversationAssignees'>> {
  const { tenantId } = req.actor;
  const roles = STAFF_ROLES.filter((r) => r !== 'SUPER_ADMIN');
  const found = await Promise.all(
    roles.map((role) =>
      database()
        .entities.user.query.byRole({ tenantId, role })
        .where((a, op) => op.eq(a.status, 'active'))
        .go({ pages: 'all', attributes: ['userId', 'name', 'role'] }),
    ),
  );
  const items = found.flatMap(({ data }) => data).sort((a, b) => a.name.localeCompare(b.name));
  return { body: { items } };
}

/**
 * A request or booking a staff member's new conversation is about must be the customer's: an
 * id from elsewhere is named as the field in error, not linked.
 */
export async function checkTopicLinks(
  actor: AuthenticatedActor,
  customerId: string,
  links: { requestId?: string | undefined; bookingId?: string | undefined },
) {
  const problems = [];
  for (const [field, id, booking] of [
    ['requestId', links.requestId, false],
    ['bookingId', links.bookingId, true],
  ] as const) {
    if (!id) continue;
    const { data } = await database().entities.request.get({ tenantId: actor.tenantId, requestId: id }).go();
    if (!data || data.deletedAt || customerOf(data) !== customerId || Boolean(data.isBooking) !== booking)
      problems.push({ field, message: `is not ${booking ? 'a booking' : 'a request'} of this customer` });
  }
  if (problems.length) throw validationFailed(problems);
}
