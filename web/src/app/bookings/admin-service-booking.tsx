import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ServiceView } from '../../../../shared/api/schemas/catalog.ts';
import type { TimeWindow, WeeklyHours } from '../../../../shared/domain/bookings/availability.ts';
import { BOOKING_TYPES, bookingSettingsOf, type BookingSettings } from '../../../../shared/domain/bookings/settings.ts';
import { call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { fromMinor, toMinor } from '../format.ts';
import { format } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Button, Card, PageHeader } from '../components/ui.tsx';

const serviceId = new URLSearchParams(location.search).get('id') ?? '';
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Hours per weekday: each day open or closed, with one or more from–to windows. */
function HoursEditor({
  legend,
  value,
  onChange,
  errors,
}: {
  legend: string;
  value: WeeklyHours;
  onChange: (v: WeeklyHours) => void;
  errors: Record<string, string>;
}) {
  const t = useText(bookingsText);
  const set = (day: (typeof WEEK)[number], windows: TimeWindow[]) => onChange({ ...value, [day]: windows });
  return (
    <fieldset className="sm:col-span-2">
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-2 space-y-2">
        {WEEK.map((day) => {
          const windows = value[day] ?? [];
          const name = t.serviceBooking.days[day]!;
          return (
            <div key={day} className="flex flex-wrap items-center gap-3">
              <label className="flex w-36 items-center gap-2">
                <input type="checkbox" checked={windows.length > 0} onChange={(e) => set(day, e.target.checked ? [{ start: '09:00', end: '17:00' }] : [])} />
                {name}
              </label>
              {windows.map((w, i) => (
                <span key={i} className="flex items-center gap-1">
                  <input
                    type="time"
                    aria-label={`${name} ${t.serviceBooking.from}`}
                    value={w.start}
                    onChange={(e) =>
                      set(
                        day,
                        windows.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)),
                      )
                    }
                    className="rounded border border-slate-300 px-2 py-1"
                  />
                  –
                  <input
                    type="time"
                    aria-label={`${name} ${t.serviceBooking.to}`}
                    value={w.end === '24:00' ? '23:59' : w.end}
                    onChange={(e) =>
                      set(
                        day,
                        windows.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)),
                      )
                    }
                    className="rounded border border-slate-300 px-2 py-1"
                  />
                  {windows.length > 1 && (
                    <button
                      type="button"
                      aria-label={`${t.serviceBooking.removeWindow}: ${name}`}
                      onClick={() =>
                        set(
                          day,
                          windows.filter((_, j) => j !== i),
                        )
                      }
                      className="px-1 text-red-700"
                    >
                      ×
                    </button>
                  )}
                </span>
              ))}
              {windows.length > 0 && windows.length < 4 && (
                <button type="button" onClick={() => set(day, [...windows, { start: '13:00', end: '17:00' }])} className="text-sm text-brand-700 underline">
                  {t.serviceBooking.addWindow}
                </button>
              )}
              {Object.entries(errors)
                .filter(([f]) => f.includes(`.${day}.`))
                .map(([f, m]) => (
                  <span key={f} className="text-sm text-red-700">
                    {m}
                  </span>
                ))}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function BookingSettingsForm({ service, zone }: { service: ServiceView; zone: string }) {
  const t = useText(bookingsText);
  const s = t.serviceBooking;
  const [version, setVersion] = useState(service.version);
  const [settings, setSettings] = useState<BookingSettings>(() => bookingSettingsOf(service.booking));
  const [hourly, setHourly] = useState(() => fromMinor(settings.hourlyRate, service.currency));
  const [blackout, setBlackout] = useState('');
  const dateId = useId();
  const labels: Record<string, string> = {
    bookingTypes: s.ways,
    durationMinutes: s.duration,
    stepMinutes: s.step,
    advanceDays: s.advanceDays,
    minNoticeHours: s.minNoticeHours,
    maxPerDay: s.maxPerDay,
    bufferBeforeMinutes: s.bufferBefore,
    bufferAfterMinutes: s.bufferAfter,
    cancelCutoffHours: s.cutoff,
    hourlyRate: s.hourlyRate,
    peakPercent: s.peakPercent,
    weekendPercent: s.weekendPercent,
    rushWithinHours: s.rushWithin,
    rushPercent: s.rushPercent,
    blackoutDates: s.blackout,
    businessHours: s.hours,
    peakHours: s.peakHours,
  };
  const { busy, errors, failure, notice, setNotice, run } = useSubmission((f) => labels[f.split('.')[0]!] ?? f);
  const set = <K extends keyof BookingSettings>(key: K, value: BookingSettings[K]) => setSettings((v) => ({ ...v, [key]: value }));
  const number = (key: keyof BookingSettings, label: string) => (
    <Field
      label={label}
      name={key}
      type="number"
      inputMode="numeric"
      value={String(settings[key])}
      onChange={(e) => set(key, Number(e.target.value) as never)}
      error={errors[key]}
    />
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void run(async () => {
      const saved = await call('updateServiceBooking', {
        params: { serviceId: service.serviceId },
        body: { ...settings, hourlyRate: toMinor(hourly || '0', service.currency), version },
      });
      setVersion(saved.version);
      setNotice(s.saved);
    });
  }

  return (
    <Card as="form" onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      <div aria-live="polite" className="sm:col-span-2">
        {failure !== null && <ErrorNotice error={failure} />}
        {notice && (
          <p role="status" className="rounded bg-green-50 p-3 text-green-900">
            {notice}
          </p>
        )}
      </div>
      <label className="flex items-center gap-2 font-medium sm:col-span-2">
        <input type="checkbox" checked={settings.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        {s.enabled}
      </label>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">{s.ways}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {BOOKING_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={settings.bookingTypes.includes(type)}
                onChange={(e) => set('bookingTypes', e.target.checked ? [...settings.bookingTypes, type] : settings.bookingTypes.filter((x) => x !== type))}
              />
              {t.book.types[type]}
            </label>
          ))}
        </div>
        {errors.bookingTypes && <p className="mt-1 text-sm text-red-700">{errors.bookingTypes}</p>}
      </fieldset>
      <label className="flex items-center gap-2 sm:col-span-2">
        <input type="checkbox" checked={settings.autoConfirm} onChange={(e) => set('autoConfirm', e.target.checked)} />
        {s.autoConfirm}
      </label>
      {number('durationMinutes', s.duration)}
      {number('stepMinutes', s.step)}
      {number('advanceDays', s.advanceDays)}
      {number('minNoticeHours', s.minNoticeHours)}
      {number('maxPerDay', s.maxPerDay)}
      {number('cancelCutoffHours', s.cutoff)}
      {number('bufferBeforeMinutes', s.bufferBefore)}
      {number('bufferAfterMinutes', s.bufferAfter)}
      <HoursEditor legend={format(s.hours, { zone })} value={settings.businessHours} onChange={(v) => set('businessHours', v)} errors={errors} />

      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">{s.blackout}</legend>
        <div className="mt-1 flex flex-wrap items-end gap-2">
          <input
            id={dateId}
            type="date"
            aria-label={s.blackout}
            value={blackout}
            onChange={(e) => setBlackout(e.target.value)}
            className="rounded border border-slate-300 px-2 py-1"
          />
          <button
            type="button"
            disabled={!blackout}
            onClick={() => (set('blackoutDates', [...new Set([...settings.blackoutDates, blackout])].sort()), setBlackout(''))}
            className="rounded border px-3 py-1 disabled:opacity-50"
          >
            {s.addDate}
          </button>
        </div>
        <ul className="mt-2 flex flex-wrap gap-2">
          {settings.blackoutDates.map((d) => (
            <li key={d} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-1 text-sm">
              {d}
              <button
                type="button"
                aria-label={format(s.removeDate, { date: d })}
                onClick={() =>
                  set(
                    'blackoutDates',
                    settings.blackoutDates.filter((x) => x !== d),
                  )
                }
                className="text-red-700"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </fieldset>

      <h2 className="text-lg font-semibold sm:col-span-2">{s.pricing}</h2>
      <Field
        label={format(s.hourlyRate, { currency: service.currency })}
        name="hourlyRate"
        inputMode="decimal"
        value={hourly}
        onChange={(e) => setHourly(e.target.value)}
        error={errors.hourlyRate}
      />
      {number('weekendPercent', s.weekendPercent)}
      {number('rushWithinHours', s.rushWithin)}
      {number('rushPercent', s.rushPercent)}
      {number('peakPercent', s.peakPercent)}
      <HoursEditor legend={s.peakHours} value={settings.peakHours} onChange={(v) => set('peakHours', v)} errors={errors} />

      <div className="sm:col-span-2">
        <Button type="submit" disabled={busy}>
          {busy ? s.saving : s.save}
        </Button>
      </div>
    </Card>
  );
}

/** Admin → Services → Booking: how one service is booked (`/admin/services/booking/?id=…`). */
function ServiceBookingPage({ zone, slug }: { zone: string; slug: string }) {
  const t = useText(bookingsText);
  const [service, setService] = useState<ServiceView | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    call('getService', { params: { serviceId } }).then(setService, setFailure);
  }, []);
  if (failure !== null) return <ErrorNotice error={failure} />;
  if (!service) return <Loading />;
  return (
    <>
      <p className="mb-2">
        <a href="/admin/services/" className="text-brand-700 underline">
          <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
            ←
          </span>{' '}
          {t.serviceBooking.back}
        </a>
      </p>
      <PageHeader
        title={format(t.serviceBooking.title, { name: service.name })}
        actions={
          <a href={`/book/?firm=${slug}`} className="text-brand-700 underline">
            {t.serviceBooking.publicLink}
          </a>
        }
      />
      <BookingSettingsForm service={service} zone={zone} />
    </>
  );
}

mount(() => <Shell area="admin">{(session) => <ServiceBookingPage zone={session.tenant.timeZone} slug={session.tenant.slug} />}</Shell>);
