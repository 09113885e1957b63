import { useState } from 'react';
import { ErrorNotice } from '../components/Status.tsx';
import { Button } from '../components/ui.tsx';
import { format } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import type { Proposal } from './HourGrid.tsx';
import { SeriesScopeChoice, type SeriesScope } from './SeriesScopeChoice.tsx';
import { useMoveBooking } from './useMoveBooking.ts';

/**
 * A move proposed on the calendar (dragged, or by Alt and the arrows), waiting for a yes: the
 * server then checks it like any move, and a warning that may be passed offers "Move anyway".
 */
export function ProposedMove({
  proposal,
  zone,
  when,
  onMoved,
  onKeep,
}: {
  proposal: Proposal;
  zone: string;
  when: (iso: string) => string;
  onMoved: (summary?: string) => void;
  onKeep: () => void;
}) {
  const t = useText(bookingsText);
  const { entry, start } = proposal;
  const { move, problem, failure, busy } = useMoveBooking(entry, zone, onMoved);
  const [scope, setScope] = useState<SeriesScope>('one');
  return (
    <div
      role="region"
      aria-label={t.calendar.moveTitle}
      onKeyDown={(e) => e.key === 'Escape' && onKeep()}
      className="sticky bottom-2 z-30 mt-4 space-y-2 rounded border border-brand-200 bg-brand-50 p-3 shadow-lg"
    >
      <p aria-live="polite">{format(t.calendar.moveAsk, { what: `${entry.reference} · ${entry.clientName}`, from: when(entry.start), to: when(start) })}</p>
      {entry.seriesId && <SeriesScopeChoice action="move" value={scope} onChange={setScope} />}
      {problem && (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          <p>{problem.message}</p>
          {problem.canProceed && (
            <Button size="sm" variant="secondary" type="button" disabled={busy} onClick={() => void move({ start }, { force: true, scope })} className="mt-2">
              {t.calendar.moveAnyway}
            </Button>
          )}
        </div>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" type="button" disabled={busy} onClick={() => void move({ start }, { force: false, scope })}>
          {t.calendar.moveConfirm}
        </Button>
        <Button size="sm" variant="secondary" type="button" onClick={onKeep}>
          {t.calendar.moveKeep}
        </Button>
      </div>
    </div>
  );
}
