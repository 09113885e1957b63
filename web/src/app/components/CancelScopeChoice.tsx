import { useI18n } from '../i18n/index.ts';

export type CancelScope = 'one' | 'following';

/** For a booking of a series: cancel it alone, or with the series' later bookings. */
export function CancelScopeChoice({ value, onChange }: { value: CancelScope; onChange: (scope: CancelScope) => void }) {
  const { t } = useI18n();
  const r = t.book.repeat;
  return (
    <fieldset>
      <legend className="text-sm font-medium">{r.partOf}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        <label className="flex items-center gap-2"><input type="radio" name="scope" checked={value === 'one'} onChange={() => onChange('one')} />{r.scopeOne}</label>
        <label className="flex items-center gap-2"><input type="radio" name="scope" checked={value === 'following'} onChange={() => onChange('following')} />{r.scopeFollowing}</label>
      </div>
    </fieldset>
  );
}
