import { BookingWizard } from './booking-wizard/BookingWizard.tsx';
import { Shell } from '../components/Shell.tsx';
import { mount } from '../mount.tsx';

const area = (document.getElementById('app')?.dataset.area ?? 'portal') as 'portal' | 'staff' | 'admin';

/** Booking when signed in: a client for themselves (`/portal/book/`), staff for a client (`/staff/book/`, `/admin/book/`). */
mount(() => (
  <Shell area={area}>
    {(session) => (
      <BookingWizard
        firmSlug={session.tenant.slug}
        booker={area === 'portal' ? { kind: 'client', name: session.user.name, email: session.user.email } : { kind: 'staff' }}
        calendarHref={area === 'portal' ? '/portal/appointments/' : `/${area}/calendar/`}
      />
    )}
  </Shell>
));
