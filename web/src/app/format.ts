/** Numbers, money and times in the reader's language. */

/** Integer minor units (cents) → "$1,234.50", with the currency's own number of decimals. */
export function money(minor: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

const minorDigits = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Integer minor units → the plain number a person edits ("1234.5"). */
export const fromMinor = (minor: number, currency: string) => String(minor / 10 ** minorDigits(currency));

/** What a person typed ("1,234.5") → integer minor units, or NaN. */
export function toMinor(typed: string, currency: string): number {
  const digits = minorDigits(currency);
  const value = Number(typed.replace(/[\s,]/g, ''));
  return typed.trim() === '' || !Number.isFinite(value) ? Number.NaN : Math.round(value * 10 ** digits);
}

export const dateTime = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
/** A calendar date (YYYY-MM-DD, a deadline say) as that day wherever the reader is. */
export const calendarDate = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
