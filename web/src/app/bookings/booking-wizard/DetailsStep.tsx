import type { FormEvent, ReactNode } from 'react';
import type { UserView } from '../../../../../shared/api/schemas/user.ts';
import { format } from '../../i18n/index.ts';
import { bookingsText } from '../../i18n/bookings/index.ts';
import { useText } from '../../i18n/text.ts';
import { ClientSelect } from '../ClientSelect.tsx';
import { Field } from '../../components/Field.tsx';
import { RepeatFields } from '../SeriesRepeat.tsx';
import { Button, Card } from '../../components/ui.tsx';
import type { Booker } from './BookingWizard.tsx';
import type { Details, Service, StepProps } from './state.ts';

/** Step 3: who it is for (a guest's name and address, or staff's choice of client), how to meet, a repeat, notes. */
export function DetailsStep({
  state,
  dispatch,
  heading,
  back,
  booker,
  service,
  clients,
  clientsProblem,
  title,
  when,
  onSubmit,
}: StepProps & {
  booker: Booker;
  service: Service;
  clients: UserView[] | undefined;
  /** Why the clients could not be listed, with a retry. */
  clientsProblem: ReactNode;
  title: string;
  when: (iso: string) => string;
  onSubmit: () => void;
}) {
  const t = useText(bookingsText);
  const { details, errors } = state;
  const set = (key: keyof Details) => (e: { target: { value: string } }) => dispatch({ type: 'detailChanged', key, value: e.target.value });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {heading(title)}
      <p className="text-slate-600">
        {service.name} · {state.slot && when(state.slot.slot.start)}
      </p>
      <Card as="div" className="space-y-4">
        {booker.kind === 'guest' && (
          <>
            <Field
              label={t.book.name}
              name="name"
              autoComplete="name"
              required
              maxLength={120}
              value={details.name}
              onChange={set('name')}
              error={errors.name}
            />
            <Field
              label={t.book.email}
              name="email"
              type="email"
              autoComplete="email"
              required
              value={details.email}
              onChange={set('email')}
              error={errors.email}
            />
            <Field label={t.book.phone} name="phone" type="tel" autoComplete="tel" value={details.phone} onChange={set('phone')} error={errors.phone} />
          </>
        )}
        {booker.kind === 'client' && <p>{format(t.book.bookingAs, { name: booker.name, email: booker.email })}</p>}
        {booker.kind === 'staff' && (
          <>
            <ClientSelect clients={clients} value={details.clientId} onChange={set('clientId')} error={errors.clientId} />
            {clientsProblem}
          </>
        )}
        {service.bookingTypes.length > 1 && (
          <fieldset>
            <legend className="text-sm font-medium">{t.book.how}</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {service.bookingTypes.map((type) => (
                <label key={type} className="flex items-center gap-2">
                  <input type="radio" name="bookingType" value={type} checked={details.bookingType === type} onChange={set('bookingType')} />
                  {t.book.types[type] ?? type}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {booker.kind !== 'guest' && <RepeatFields value={state.repeat} onChange={(repeat) => dispatch({ type: 'repeatChanged', repeat })} errors={errors} />}
        <label className="block text-sm font-medium">
          {t.book.notes}
          <textarea
            value={details.notes}
            onChange={set('notes')}
            maxLength={2000}
            rows={3}
            className="mt-1 w-full rounded border border-slate-300 px-3 py-2 font-normal"
          />
        </label>
      </Card>
      <div className="flex justify-between">
        {back(1)}
        <Button type="submit">{t.book.next}</Button>
      </div>
    </form>
  );
}
