import { useState } from 'react';
import type { CalendarEntryView } from '../../../../shared/api/schemas/bookings.ts';
import { ApiError, call } from '../api.ts';
import { errorText } from '../errors.ts';
import { useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import { followingSummary, type SeriesScope } from './SeriesScopeChoice.tsx';

export interface MoveTarget {
  start: string;
  staffId?: string | undefined;
}

/**
 * Moving a booking as staff, by form or by dragging it on the calendar: the server checks the
 * time (working hours, other bookings, the person's calendar). A warning they may pass comes
 * back as `problem` with `canProceed`; the move is then tried again with `force`.
 */
export function useMoveBooking(booking: Pick<CalendarEntryView, 'bookingId'>, zone: string, onMoved: (summary?: string) => void) {
  const t = useText(commonText, bookingsText);
  const { locale } = useLocale();
  const [problem, setProblem] = useState<{ message: string; canProceed: boolean } | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function move(target: MoveTarget, options: { force: boolean; scope: SeriesScope }) {
    setBusy(true);
    setProblem(undefined);
    setFailure(null);
    try {
      const { version } = await call('getRequest', { params: { requestId: booking.bookingId } });
      const moved = await call('rescheduleBooking', {
        params: { bookingId: booking.bookingId },
        body: { start: target.start, version, ...(target.staffId && { staffId: target.staffId }), ...options },
      });
      const when = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
      onMoved(followingSummary(t, when, moved));
    } catch (error) {
      if (error instanceof ApiError && error.extra.reason) setProblem({ message: errorText(error, t, locale), canProceed: error.extra.canProceed === true });
      else setFailure(error);
    }
    setBusy(false);
  }
  const reset = () => (setProblem(undefined), setFailure(null));
  return { move, problem, failure, busy, reset };
}
