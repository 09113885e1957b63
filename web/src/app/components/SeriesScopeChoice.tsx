import { useI18n } from '../i18n/index.ts';

export type SeriesScope = 'one' | 'following';

/** For a booking of a series: cancel or move it alone, or with the series' later bookings. */
export function SeriesScopeChoice({ action, value, onChange }: { action: 'cancel' | 'move'; value: SeriesScope; onChange: (scope: SeriesScope) => void }) {
  const { t } = useI18n();
  const r = t.book.repeat;
  const [one, following] = action === 'cancel' ? [r.scopeOne, r.scopeFollowing] : [r.moveOne, r.moveFollowing];
  return (
    <fieldset>
      <legend className="text-sm font-medium">{r.partOf}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        <label className="flex items-center gap-2"><input type="radio" name={`${action}-scope`} checked={value === 'one'} onChange={() => onChange('one')} />{one}</label>
        <label className="flex items-center gap-2"><input type="radio" name={`${action}-scope`} checked={value === 'following'} onChange={() => onChange('following')} />{following}</label>
      </div>
    </fieldset>
  );
}
