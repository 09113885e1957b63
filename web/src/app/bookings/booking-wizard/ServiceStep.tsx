import { money } from '../../format.ts';
import { format, useLocale } from '../../i18n/index.ts';
import { bookingsText } from '../../i18n/bookings/index.ts';
import { useText } from '../../i18n/text.ts';
import { Button } from '../../components/ui.tsx';
import type { Service, StepProps } from './state.ts';

/** Step 1: which service, with its length and starting price. */
export function ServiceStep({
  services,
  firmName,
  title,
  heading,
  onChosen,
}: Pick<StepProps, 'heading'> & {
  services: Service[];
  firmName: string;
  title: string;
  onChosen: (service: Service) => void;
}) {
  const t = useText(bookingsText);
  const { locale } = useLocale();
  return (
    <>
      {heading(title)}
      {services.length === 0 ? (
        <p role="status" className="mt-4 rounded bg-slate-50 p-4">
          {format(t.book.none, { firm: firmName })}
        </p>
      ) : (
        <ul className="mt-4 space-y-3">
          {services.map((s) => (
            <li key={s.serviceId} className="rounded-lg bg-white p-4 shadow">
              <h3 className="font-semibold">{s.name}</h3>
              <p className="text-sm text-slate-600">{s.description}</p>
              <p className="mt-1 text-sm">
                {format(t.book.minutes, { n: String(s.durationMinutes) })} · {format(t.book.from, { price: money(s.basePrice, s.currency, locale) })}
              </p>
              <Button type="button" aria-label={`${t.book.choose}: ${s.name}`} onClick={() => onChosen(s)} className="mt-2">
                {t.book.choose}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
