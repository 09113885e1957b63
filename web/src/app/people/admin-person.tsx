import { useState, type FormEvent } from 'react';
import type { UpdateUserInput, UserDetail } from '../../../../shared/api/schemas/identity.ts';
import type { UserView } from '../../../../shared/api/schemas/user.ts';
import { INVITABLE_ROLES } from '../../../../shared/api/schemas/invitable-roles.ts';
import { isStaff, type Role } from '../../../../shared/domain/identity/permissions.ts';
import { ApiError, call } from '../api.ts';
import { allPeople } from './all-people.ts';
import { Field } from '../components/Field.tsx';
import { LocaleOptions } from '../components/LocaleOptions.tsx';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { format, textFor, useLocale } from '../i18n/index.ts';
import { dateTime } from '../format.ts';
import { commonText } from '../i18n/common/index.ts';
import { peopleText } from '../i18n/people/index.ts';
import { useText } from '../i18n/text.ts';
import { useLoad } from '../components/useLoad.tsx';
import { mount } from '../mount.tsx';
import { Button, Card } from '../components/ui.tsx';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Hours = NonNullable<UpdateUserInput['workingHours']>;
const userId = new URLSearchParams(location.search).get('id') ?? '';
const ZONES = Intl.supportedValuesOf('timeZone');

/** "09:00-13:00, 14:00-18:00" ⇄ ranges; undefined when the text is not in that form. */
const hoursText = (ranges: { start: string; end: string }[] = []) => ranges.map((r) => `${r.start}-${r.end}`).join(', ');
function parseHours(text: string): { start: string; end: string }[] | undefined {
  if (!text.trim()) return [];
  const ranges = text.split(',').map((part) => /^\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$/.exec(part));
  return ranges.every(Boolean) ? ranges.map((m) => ({ start: m![1]!, end: m![2]! })) : undefined;
}

function PersonForm({ initial, staff, currency }: { initial: UserDetail; staff: UserView[]; currency: string }) {
  const t = useText(commonText, peopleText);
  const { locale } = useLocale();
  const [person, setPerson] = useState(initial);
  const [role, setRole] = useState<Role>(initial.role);
  const { busy, errors, setErrors, failure, notice, setNotice, run } = useSubmission((f) => textFor(t.person, f) ?? f);
  const [confirming, setConfirming] = useState(false);
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const optional = (k: string) => text(k) || undefined;
    const hours: Hours = {};
    const hourErrors: string[] = [];
    for (const day of DAYS) {
      const ranges = parseHours(text(`hours-${day}`));
      if (ranges) hours[day] = ranges;
      else hourErrors.push(t.person.days[day]!);
    }
    if (hourErrors.length) return setErrors({ workingHours: `${hourErrors.join(', ')}: 09:00-17:00` });
    const body: UpdateUserInput = {
      version: person.version,
      name: text('name'),
      phone: optional('phone'),
      // Sent only when changed (the platform operator's role never is: the list cannot pick it).
      ...(role !== person.role && { role: role as NonNullable<UpdateUserInput['role']> }),
      locale: text('locale') as UpdateUserInput['locale'],
      timeZone: text('timeZone'),
      company: optional('company'),
      ...(isStaff(role) && {
        employeeId: optional('employeeId'),
        department: optional('department'),
        position: optional('position'),
        skills: text('skills')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        expertiseLevel: (optional('expertiseLevel') as UpdateUserInput['expertiseLevel']) ?? undefined,
        hourlyRate: text('hourlyRate') ? Math.round(Number(text('hourlyRate')) * 10 ** digits) : undefined,
        availabilityStatus: optional('availabilityStatus') as UpdateUserInput['availabilityStatus'],
        maxConcurrentProjects: text('maxConcurrentProjects') ? Number(text('maxConcurrentProjects')) : undefined,
        hireDate: optional('hireDate'),
        managerId: optional('managerId') ?? null,
        workingHours: hours,
      }),
    };
    await run(async () => {
      setPerson(await call('updateUser', { params: { userId }, body }));
      setNotice(t.person.saved);
    });
  }

  const resumeEmail = () =>
    run(async () => {
      setPerson(await call('resumeEmail', { params: { userId } }));
      setNotice(t.person.emailResumed);
    });

  const setStatus = (to: 'deactivateUser' | 'reactivateUser') =>
    run(async () => {
      setPerson(await call(to, { params: { userId } }));
      setConfirming(false);
    });

  const select = 'mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2';
  const label = (text: string, control: React.ReactNode) => (
    <label className="block text-sm font-medium">
      {text}
      {control}
    </label>
  );
  return (
    <>
      <a href="/admin/users/" className="text-sm text-brand-700 underline">
        ← {t.person.back}
      </a>
      <h1 className="mb-6 mt-2 text-2xl font-semibold">{person.name}</h1>
      <div aria-live="polite">
        {notice && (
          <p role="status" className="mb-4 text-green-800">
            {notice}
          </p>
        )}
        {failure !== null && (
          <div className="mb-4">
            <ErrorNotice error={failure} onRetry={failure instanceof ApiError && failure.status === 409 ? () => location.reload() : undefined} />
          </div>
        )}
      </div>
      {person.emailProblem && (
        <div role="alert" className="mb-6 rounded border border-amber-300 bg-amber-50 p-4">
          <p>
            {format(person.emailProblem.reason === 'bounced' ? t.person.emailBounced : t.person.emailComplained, {
              email: person.email,
              date: dateTime(person.emailProblem.at, locale),
            })}
          </p>
          <Button type="button" variant="secondary" size="sm" disabled={busy} onClick={() => void resumeEmail()} className="mt-3">
            {t.person.resumeEmail}
          </Button>
        </div>
      )}
      <form onSubmit={(e) => void save(e)} noValidate className="space-y-6">
        <Card as="fieldset" className="grid gap-4 sm:grid-cols-2">
          <legend className="px-1 text-lg font-semibold">{t.person.profile}</legend>
          <Field label={t.person.name} name="name" defaultValue={person.name} required error={errors.name} />
          <Field label={t.person.phone} name="phone" type="tel" defaultValue={person.phone ?? ''} error={errors.phone} />
          {label(
            t.person.role,
            <select name="role" className={select} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {INVITABLE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t.roles[r]}
                </option>
              ))}
            </select>,
          )}
          {label(
            t.person.language,
            <select name="locale" className={select} defaultValue={person.locale}>
              <LocaleOptions kept={person.locale} />
            </select>,
          )}
          <Field label={t.person.timeZone} name="timeZone" list="zones" defaultValue={person.timeZone} error={errors.timeZone} />
          <datalist id="zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {role === 'CLIENT' && <Field label={t.person.company} name="company" defaultValue={person.company ?? ''} error={errors.company} />}
        </Card>
        {isStaff(role) && (
          <Card as="fieldset" className="grid gap-4 sm:grid-cols-2">
            <legend className="px-1 text-lg font-semibold">{t.person.staff}</legend>
            <Field label={t.person.employeeId} name="employeeId" defaultValue={person.employeeId ?? ''} error={errors.employeeId} />
            <Field label={t.person.department} name="department" defaultValue={person.department ?? ''} error={errors.department} />
            <Field label={t.person.position} name="position" defaultValue={person.position ?? ''} error={errors.position} />
            <Field label={t.person.skills} name="skills" defaultValue={(person.skills ?? []).join(', ')} error={errors.skills} />
            {label(
              t.person.expertise,
              <select name="expertiseLevel" className={select} defaultValue={person.expertiseLevel ?? ''}>
                <option value="">—</option>
                {Object.entries(t.person.expertiseLevels).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>,
            )}
            <Field
              label={format(t.person.hourlyRate, { currency })}
              name="hourlyRate"
              type="number"
              min={0}
              step={1 / 10 ** digits}
              defaultValue={person.hourlyRate === undefined ? '' : String(person.hourlyRate / 10 ** digits)}
              error={errors.hourlyRate}
            />
            {label(
              t.person.availability,
              <select name="availabilityStatus" className={select} defaultValue={person.availabilityStatus ?? 'available'}>
                {Object.entries(t.person.availabilities).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>,
            )}
            <Field
              label={t.person.maxProjects}
              name="maxConcurrentProjects"
              type="number"
              min={1}
              max={50}
              defaultValue={String(person.maxConcurrentProjects ?? 3)}
              error={errors.maxConcurrentProjects}
            />
            <Field label={t.person.hireDate} name="hireDate" type="date" defaultValue={person.hireDate ?? ''} error={errors.hireDate} />
            {label(
              t.person.manager,
              <select name="managerId" className={select} defaultValue={person.managerId ?? ''}>
                <option value="">{t.person.noManager}</option>
                {staff
                  .filter((s) => s.userId !== person.userId)
                  .map((s) => (
                    <option key={s.userId} value={s.userId}>
                      {s.name}
                    </option>
                  ))}
              </select>,
            )}
            {errors.managerId && <p className="text-sm text-red-700">{errors.managerId}</p>}
            <div className="sm:col-span-2">
              <p className="text-sm font-medium">{t.person.hours}</p>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {DAYS.map((day) => (
                  <Field
                    key={day}
                    label={t.person.days[day]!}
                    name={`hours-${day}`}
                    placeholder="09:00-17:00"
                    defaultValue={hoursText(person.workingHours?.[day])}
                  />
                ))}
              </div>
              {errors.workingHours && (
                <p role="alert" className="mt-1 text-sm text-red-700">
                  {errors.workingHours}
                </p>
              )}
            </div>
          </Card>
        )}
        <Button type="submit" disabled={busy}>
          {busy ? t.person.saving : t.person.save}
        </Button>
      </form>
      <Card aria-labelledby="access" className="mt-8">
        <h2 id="access" className="text-lg font-semibold">
          {t.person.access}
        </h2>
        {person.status === 'deactivated' ? (
          <>
            <p className="mt-2">{format(t.person.deactivated, { name: person.name })}</p>
            <Button type="button" disabled={busy} onClick={() => void setStatus('reactivateUser')} className="mt-3">
              {t.person.reactivate}
            </Button>
          </>
        ) : (
          <>
            <p className="mt-2 text-slate-600">{t.person.deactivateLead}</p>
            {confirming ? (
              <div className="mt-3 flex gap-3">
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void setStatus('deactivateUser')}
                  className="rounded bg-red-700 px-4 py-2 font-medium text-white"
                >
                  {format(t.person.confirmDeactivate, { name: person.name })}
                </button>
                <Button variant="secondary" type="button" onClick={() => setConfirming(false)}>
                  {t.person.cancel}
                </Button>
              </div>
            ) : (
              <button type="button" onClick={() => setConfirming(true)} className="mt-3 rounded border border-red-700 px-4 py-2 text-red-800">
                {t.person.deactivate}
              </button>
            )}
          </>
        )}
      </Card>
    </>
  );
}

const fetchPerson = () =>
  Promise.all([call('getUser', { params: { userId } }), allPeople()]).then(([person, people]) => ({
    person,
    staff: people.filter((p) => isStaff(p.role)),
  }));

function PersonPage({ currency }: { currency: string }) {
  const { show } = useLoad(fetchPerson);
  return show(({ person, staff }) => <PersonForm initial={person} staff={staff} currency={currency} />);
}

mount(() => <Shell area="admin">{(session) => <PersonPage currency={session.tenant.currency} />}</Shell>);
