/**
 * Document requests: staff ask a customer for a file by a date; the first file sent for it and
 * scanned clean fulfils it. Until then its contacts are reminded: first when it is due within
 * REMIND_BEFORE_DAYS, then every REMIND_EVERY_DAYS, each day claimed once whatever runs.
 */
export const DOCUMENT_REQUEST_STATUSES = ['open', 'fulfilled', 'cancelled'] as const;
export type DocumentRequestStatus = (typeof DOCUMENT_REQUEST_STATUSES)[number];

export const REMIND_BEFORE_DAYS = 3;
export const REMIND_EVERY_DAYS = 3;

const DAY = 86_400_000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);

/** The date `days` after `date` (both YYYY-MM-DD). */
export const addDays = (date: string, days: number) => new Date((dayNumber(date) + days) * DAY).toISOString().slice(0, 10);

/** Whether an open request is reminded today: due within the window, and not reminded within the last few days. */
export function remindToday(request: { dueDate: string; lastRemindedOn?: string | undefined }, today: string): boolean {
  if (request.dueDate > addDays(today, REMIND_BEFORE_DAYS)) return false;
  if (!request.lastRemindedOn) return true;
  return dayNumber(today) - dayNumber(request.lastRemindedOn) >= REMIND_EVERY_DAYS;
}
