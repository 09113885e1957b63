/**
 * The link in every booking email that lets its client see, reschedule or cancel it without
 * signing in. Each email gets its own secret, made when it is sent; only its hash is kept, as
 * an item of its own (shared/db/entities/manage-link.ts), so a booking's record never grows
 * with its links and an older email's link keeps working. Each opens the booking until a week
 * after the appointment. A wrong token is a 404 whatever part is wrong; an expired one is a 410.
 */
import { AppError, notFound } from '../../shared/api/errors.ts';
import { formatLinkToken, hashSecret, namesRecord, newSecret, parseLinkToken, secretMatches } from '../lib/link-token.ts';
import type { ChangeContext } from '../../shared/db/mutation.ts';
import { changeContext } from '../lib/change-context.ts';
import type { Request } from '../lib/http.ts';
import type { RequestItem } from '../requests/request-access.ts';
import type { ManageLink } from '../../shared/db/entities/manage-link.ts';
import type { ServiceRequest } from '../../shared/db/entities/service-request.ts';

const VALID_AFTER_END_MS = 7 * 86_400_000;
/** How long an expired link is still recognised (and answered 410) before TTL removes it. */
const KEPT_AFTER_EXPIRY_SECONDS = 30 * 86_400;

interface LinkDb {
  entities: { manageLink: typeof ManageLink };
}

/** A new manage token for the booking, and the item that lets it in (put it, alone or in a transaction). */
export function newManageLink(booking: RequestItem, now = Date.now()) {
  const secret = newSecret();
  const validUntil = Math.max(now, Date.parse(booking.endsAt!)) + VALID_AFTER_END_MS;
  const item = {
    tenantId: booking.tenantId,
    bookingId: booking.requestId,
    hash: hashSecret(secret),
    validUntil: new Date(validUntil).toISOString(),
    expiresAt: Math.floor(validUntil / 1000) + KEPT_AFTER_EXPIRY_SECONDS,
  };
  return { token: formatLinkToken({ tenantId: booking.tenantId, recordId: booking.requestId, secret }), item };
}

/** A new manage token for the booking's email. */
export async function issueManageLink(db: LinkDb, booking: RequestItem, now = Date.now()): Promise<string> {
  const { token, item } = newManageLink(booking, now);
  await db.entities.manageLink.put(item).go();
  return token;
}

/** The booking a token opens. */
export async function bookingOfToken(db: LinkDb & { entities: { request: typeof ServiceRequest } }, token: string, now = Date.now()): Promise<RequestItem> {
  const parsed = parseLinkToken(token);
  if (!parsed) throw notFound('Booking');
  const key = { tenantId: parsed.tenantId, requestId: parsed.recordId };
  const [{ data: booking }, { data: link }] = await Promise.all([
    db.entities.request.get(key).go(),
    db.entities.manageLink.get({ tenantId: parsed.tenantId, bookingId: parsed.recordId, hash: hashSecret(parsed.secret) }).go(),
  ]);
  if (!booking?.isBooking || booking.deletedAt || !namesRecord(parsed, booking.tenantId, booking.requestId)) throw notFound('Booking');
  // Links emailed before links were items of their own are still in the booking's record.
  const validUntil =
    link && secretMatches(link.hash, parsed.secret) ? link.validUntil : booking.manageLinks?.find((l) => secretMatches(l.hash, parsed.secret))?.expiresAt;
  if (!validUntil) throw notFound('Booking');
  if (Date.parse(validUntil) < now) throw new AppError('gone', 'This link has expired. The firm can send you a new one.');
  return booking;
}

/** A change made from the link is the booking's client's. */
export const asItsClient = (req: Request, booking: RequestItem): ChangeContext =>
  changeContext(req, { tenantId: booking.tenantId, userId: booking.clientId, role: 'CLIENT', name: booking.clientName });
