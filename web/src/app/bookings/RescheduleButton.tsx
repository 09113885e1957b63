import { useState, type ComponentProps } from 'react';
import { call } from '../api.ts';
import { ErrorNotice } from '../components/Status.tsx';
import { Button } from '../components/ui.tsx';

/** Opens the booking's manage page (the one its emails link to) through a freshly signed link. */
export function RescheduleButton({
  bookingId,
  label,
  variant,
  className,
}: { bookingId: string; label: string } & Pick<ComponentProps<typeof Button>, 'variant' | 'className'>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  async function open() {
    setBusy(true);
    setFailure(null);
    try {
      location.assign((await call('openBookingLink', { params: { bookingId } })).url);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }
  return (
    <>
      <Button size="sm" variant={variant} type="button" disabled={busy} onClick={() => void open()} className={className}>
        {label}
      </Button>
      {failure !== null && <ErrorNotice error={failure} />}
    </>
  );
}
