import { HOLD_HOURS } from '../../../../../shared/domain/identity/guests.ts';
import { format } from '../../i18n/index.ts';
import { bookingsText } from '../../i18n/bookings/index.ts';
import { useText } from '../../i18n/text.ts';
import { SeriesOutcome } from '../SeriesRepeat.tsx';
import { Card } from '../../components/ui.tsx';
import type { Booker } from './BookingWizard.tsx';
import type { StepProps } from './state.ts';

/** Step 5: booked (or waiting for the firm to confirm), what happens next, and another booking. */
export function DoneStep({
  state,
  heading,
  booker,
  firm,
  who,
  when,
  calendarHref,
  onAnother,
}: Pick<StepProps, 'state' | 'heading'> & {
  booker: Booker;
  firm: { name: string; slug: string };
  who: { name: string; email: string };
  when: (iso: string) => string;
  calendarHref: string | undefined;
  onAnother: () => void;
}) {
  const t = useText(bookingsText);
  const { booked, series, zone } = state;
  const first = series?.booked[0] ?? booked;
  if (!first) return null;
  return (
    <Card as="div" role="status" className="space-y-3">
      {heading(first.confirmed ? t.book.doneTitle : t.book.pendingTitle)}
      {series ? (
        <>
          <p>
            <strong>{first.serviceName}</strong> ({zone})
          </p>
          <SeriesOutcome series={series} when={when} />
          <p>{format(t.book.repeat.doneLead, { email: who.email })}</p>
        </>
      ) : (
        <>
          <p>
            <strong>{first.serviceName}</strong> · {when(first.start)} ({zone})
          </p>
          <p>
            {t.book.reference}: {booked?.reference}
          </p>
          {/* A guest is told the same whoever the address belongs to: its owner learns the rest by email (ADR 0016). */}
          <p>
            {booker.kind === 'guest'
              ? format(t.book.guestLead, { email: who.email, firm: firm.name, hours: String(HOLD_HOURS) })
              : format(t.book.doneLead, { email: who.email })}
          </p>
        </>
      )}
      {calendarHref && (
        <p>
          <a href={calendarHref} className="text-brand-700 underline">
            {t.book.seeCalendar}
          </a>
        </p>
      )}
      {booker.kind === 'guest' && !series && (
        <p>
          {format(t.book.claim, { firm: firm.name })}{' '}
          <a href={`/register/?${new URLSearchParams({ firm: firm.slug, email: who.email, name: who.name })}`} className="text-brand-700 underline">
            {t.book.createAccount}
          </a>
          {' · '}
          {t.book.haveAccount}{' '}
          <a href="/login/" className="text-brand-700 underline">
            {t.book.signIn}
          </a>
        </p>
      )}
      <button type="button" onClick={onAnother} className="rounded border px-4 py-2">
        {t.book.another}
      </button>
    </Card>
  );
}
