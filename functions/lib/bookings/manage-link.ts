/**
 * The link in every booking email that lets its client see, reschedule or cancel it without
 * signing in. Each email gets its own secret, made when it is sent; the booking keeps only
 * their hashes, appended atomically (emails go out concurrently: confirmation, reminders), so
 * an older email's link keeps working; each expires a week after the appointment. A booking
 * gets a handful of emails, so the list stays short. A wrong token is a 404 whatever part is
 * wrong; an expired one is a 410.
 */
import { AppError, notFound } from '../../../shared/api/errors.ts';
import { formatLinkToken, hashSecret, namesRecord, newSecret, parseLinkToken, secretMatches } from '../link-token.ts';
import type { ChangeContext } from '../../../shared/db/mutation.ts';
import { changeContext } from '../change-context.ts';
import type { Request } from '../http.ts';
import type { RequestItem } from '../request-access.ts';
import type { ServiceRequest } from '../../../shared/db/entities/service-request.ts';
import type { BookingDb } from './records.ts';

const VALID_AFTER_END_MS = 7 * 86_400_000;

/** A new manage token for the booking, and the hashed link the booking keeps (append it atomically). */
export function newManageLink(booking: RequestItem, now = Date.now()) {
  const secret = newSecret();
  const expiresAt = new Date(Math.max(now, Date.parse(booking.endsAt!)) + VALID_AFTER_END_MS).toISOString();
  return { token: formatLinkToken({ tenantId: booking.tenantId, recordId: booking.requestId, secret }), link: { hash: hashSecret(secret), expiresAt } };
}

/** A new manage token for the booking's email. */
export async function issueManageLink(db: { entities: { request: typeof ServiceRequest } }, booking: RequestItem, now = Date.now()): Promise<string> {
  const { token, link } = newManageLink(booking, now);
  await db.entities.request.patch({ tenantId: booking.tenantId, requestId: booking.requestId }).append({ manageLinks: [link] }).go();
  return token;
}

/** The booking a token opens. */
export async function bookingOfToken(db: BookingDb, token: string, now = Date.now()): Promise<RequestItem> {
  const parsed = parseLinkToken(token);
  if (!parsed) throw notFound('Booking');
  const { data: booking } = await db.entities.request.get({ tenantId: parsed.tenantId, requestId: parsed.recordId }).go();
  const named = booking?.isBooking && !booking.deletedAt && namesRecord(parsed, booking.tenantId, booking.requestId);
  const link = named ? booking.manageLinks?.find((l) => secretMatches(l.hash, parsed.secret)) : undefined;
  if (!booking || !link) throw notFound('Booking');
  if (Date.parse(link.expiresAt) < now) throw new AppError('gone', 'This link has expired. The firm can send you a new one.');
  return booking;
}

/** A change made from the link is the booking's client's. */
export const asItsClient = (req: Request, booking: RequestItem): ChangeContext =>
  changeContext(req, { tenantId: booking.tenantId, userId: booking.clientId, role: 'CLIENT', name: booking.clientName });
