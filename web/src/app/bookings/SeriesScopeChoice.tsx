import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { format } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText, type TextOf } from '../i18n/text.ts';

export type SeriesScope = 'one' | 'following';

/** For a booking of a series: cancel or move it alone, or with the series' later bookings. */
export function SeriesScopeChoice({ action, value, onChange }: { action: 'cancel' | 'move'; value: SeriesScope; onChange: (scope: SeriesScope) => void }) {
  const t = useText(bookingsText);
  const r = t.book.repeat;
  const [one, following] = action === 'cancel' ? [r.scopeOne, r.scopeFollowing] : [r.moveOne, r.moveFollowing];
  return (
    <fieldset>
      <legend className="text-sm font-medium">{r.partOf}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        <label className="flex items-center gap-2">
          <input type="radio" name={`${action}-scope`} checked={value === 'one'} onChange={() => onChange('one')} />
          {one}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name={`${action}-scope`} checked={value === 'following'} onChange={() => onChange('following')} />
          {following}
        </label>
      </div>
    </fieldset>
  );
}

/**
 * What a change "to this and the following" did to the series' later bookings, or undefined
 * when it was a change of one booking. `when` formats an instant for the reader.
 */
export function followingSummary(t: TextOf<typeof bookingsText>, when: (iso: string) => string, result: ResponseOf<'rescheduleBooking'>): string | undefined {
  const r = t.book.repeat;
  const skipped = result.followingSkipped?.map((k) => `${when(k.start)} (${k.to ? `${when(k.to)}: ` : ''}${k.message})`).join('; ');
  const done =
    result.followingMoved !== undefined
      ? format(r.movedFollowing, { moved: String(result.followingMoved) })
      : result.followingCancelled !== undefined
        ? format(r.cancelledFollowing, { count: String(result.followingCancelled) })
        : undefined;
  if (done === undefined) return undefined;
  return skipped ? `${done} ${format(result.followingMoved !== undefined ? r.kept : r.notCancelled, { list: skipped })}` : done;
}
