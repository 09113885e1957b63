import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { money } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';

/** A booking's price as the pricing engine breaks it down: each line, the discount and the total. */
export function PriceBreakdown({ quote }: { quote: ResponseOf<'quoteBooking'> }) {
  const t = useText(bookingsText);
  const { locale } = useLocale();
  const row = (label: string, amount: string, className = 'py-1 text-start font-normal') => (
    <tr key={label}>
      <th scope="row" className={className}>
        {label}
      </th>
      <td className="text-end">{amount}</td>
    </tr>
  );
  return (
    <table className="w-full text-sm">
      <tbody>
        {quote.lines.map((line) => row(t.book.lines[line.kind] ?? line.kind, money(line.amount, quote.currency, locale)))}
        {quote.discount && row(format(t.book.discount, { code: quote.discount.code }), `−${money(quote.discount.amount, quote.currency, locale)}`)}
        <tr className="border-t font-semibold">
          <th scope="row" className="py-1 text-start">
            {t.book.total}
          </th>
          <td className="text-end">{money(quote.total, quote.currency, locale)}</td>
        </tr>
      </tbody>
    </table>
  );
}
