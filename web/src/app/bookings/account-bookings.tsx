import { useEffect, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { textFor, useLocale } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Button, Card } from '../components/ui.tsx';

type Profile = ResponseOf<'getBookingProfile'>;
const OFFSETS = [10080, 2880, 1440, 120, 60, 15];

/** `datetime-local` works in the browser's zone; the API takes instants. */
const toInstant = (local: string) => new Date(local).toISOString();

/** Account → Bookings and reminders: one's reminders, and for staff when clients can book them. */
function BookingProfilePage() {
  const t = useText(bookingsText);
  const { locale } = useLocale();
  const p = t.bookingProfile;
  const [profile, setProfile] = useState<Profile | undefined>();
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [away, setAway] = useState({ start: '', end: '', reason: '' });
  const { busy, errors, failure, notice, setNotice, run } = useSubmission(
    (f) => ({ reminderOffsets: p.reminders, maxConcurrentBookings: p.atOnce, maxBookingsPerDay: p.perDay, timeOff: p.timeOff })[f.split('.')[0]!] ?? f,
  );
  useEffect(() => {
    call('getBookingProfile', { params: { userId: 'me' } }).then(setProfile, setLoadFailure);
  }, []);
  if (loadFailure !== null) return <ErrorNotice error={loadFailure} />;
  if (!profile) return <Loading />;
  const set = (fields: Partial<Profile>) => setProfile({ ...profile, ...fields });
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { userId: _u, isStaff, version, ...fields } = profile!;
    const staffFields = isStaff ? {} : { takesBookings: undefined, maxConcurrentBookings: undefined, maxBookingsPerDay: undefined, timeOff: undefined };
    void run(async () => {
      const saved = await call('updateBookingProfile', { params: { userId: 'me' }, body: { ...fields, ...staffFields, version } });
      setProfile(saved);
      setNotice(p.saved);
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <h1 className="text-2xl font-semibold">{p.title}</h1>
      <div aria-live="polite">
        {failure !== null && <ErrorNotice error={failure} />}
        {notice && (
          <p role="status" className="rounded bg-green-50 p-3 text-green-900">
            {notice}
          </p>
        )}
      </div>
      <Card as="fieldset">
        <legend className="font-semibold">{p.reminders}</legend>
        <p className="text-sm text-slate-600">{p.atMost}</p>
        <div className="mt-2 flex flex-wrap gap-4">
          {OFFSETS.map((o) => (
            <label key={o} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={profile.reminderOffsets.includes(o)}
                onChange={(e) => set({ reminderOffsets: e.target.checked ? [...profile.reminderOffsets, o] : profile.reminderOffsets.filter((x) => x !== o) })}
              />
              {textFor(p.offsets, o)}
            </label>
          ))}
        </div>
        {errors.reminderOffsets && <p className="mt-1 text-sm text-red-700">{errors.reminderOffsets}</p>}
        <label className="mt-3 flex items-center gap-2">
          <input type="checkbox" checked={profile.reminderEmail} onChange={(e) => set({ reminderEmail: e.target.checked })} />
          {p.email}
        </label>
        <label className="mt-1 flex items-center gap-2 text-slate-500">
          <input type="checkbox" disabled checked={profile.reminderSms} readOnly />
          {p.sms}
        </label>
      </Card>

      {profile.isStaff && (
        <Card as="fieldset" className="grid gap-4 sm:grid-cols-2">
          <legend className="font-semibold">{p.staff}</legend>
          <label className="flex items-center gap-2 sm:col-span-2">
            <input type="checkbox" checked={profile.takesBookings} onChange={(e) => set({ takesBookings: e.target.checked })} />
            {p.takes}
          </label>
          <Field
            label={p.atOnce}
            type="number"
            min={1}
            max={20}
            value={String(profile.maxConcurrentBookings)}
            onChange={(e) => set({ maxConcurrentBookings: Number(e.target.value) })}
            error={errors.maxConcurrentBookings}
          />
          <Field
            label={p.perDay}
            type="number"
            min={0}
            max={50}
            value={String(profile.maxBookingsPerDay)}
            onChange={(e) => set({ maxBookingsPerDay: Number(e.target.value) })}
            error={errors.maxBookingsPerDay}
          />
          <div className="sm:col-span-2">
            <h2 className="font-medium">{p.timeOff}</h2>
            {profile.timeOff.length === 0 ? (
              <p className="text-sm text-slate-600">{p.none}</p>
            ) : (
              <ul className="mt-1 space-y-1">
                {profile.timeOff.map((o, i) => (
                  <li key={`${o.start}-${i}`} className="flex items-center gap-3">
                    {when(o.start)} – {when(o.end)}
                    {o.reason && ` · ${o.reason}`}
                    <button
                      type="button"
                      onClick={() => set({ timeOff: profile.timeOff.filter((_, j) => j !== i) })}
                      className="text-sm text-red-700 underline"
                      aria-label={`${p.remove}: ${when(o.start)}`}
                    >
                      {p.remove}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {errors.timeOff && <p className="mt-1 text-sm text-red-700">{errors.timeOff}</p>}
            <div className="mt-2 flex flex-wrap items-end gap-2">
              <Field label={p.from} type="datetime-local" value={away.start} onChange={(e) => setAway({ ...away, start: e.target.value })} />
              <Field label={p.to} type="datetime-local" value={away.end} onChange={(e) => setAway({ ...away, end: e.target.value })} />
              <Field label={p.reason} value={away.reason} maxLength={200} onChange={(e) => setAway({ ...away, reason: e.target.value })} />
              <button
                type="button"
                disabled={!away.start || !away.end}
                onClick={() => (
                  set({ timeOff: [...profile.timeOff, { start: toInstant(away.start), end: toInstant(away.end), reason: away.reason }] }),
                  setAway({ start: '', end: '', reason: '' })
                )}
                className="rounded border px-3 py-2 disabled:opacity-50"
              >
                {p.add}
              </button>
            </div>
          </div>
        </Card>
      )}
      <Button type="submit" disabled={busy}>
        {busy ? p.saving : p.save}
      </Button>
    </form>
  );
}

mount(() => <Shell area="account">{() => <BookingProfilePage />}</Shell>);
