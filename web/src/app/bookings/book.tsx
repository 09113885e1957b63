import { restoreSession } from '../api.ts';
import { BookingWizard } from './booking-wizard/BookingWizard.tsx';
import { PublicFrame } from '../components/PublicFrame.tsx';
import { mount } from '../mount.tsx';

const firmSlug = new URLSearchParams(location.search).get('firm') ?? '';

/**
 * The public booking page of a firm: `/book/?firm=<slug>`, for guests. Someone signed in to
 * this firm who may book books from their own area instead: a client as themselves, staff for a client.
 */
void restoreSession()
  .catch(() => null)
  .then((session) => {
    if (session && session.tenant.slug === firmSlug.toLowerCase() && session.permissions.includes('service_requests.create'))
      return location.replace(`${session.home}book/`);
    mount(() => (
      <PublicFrame>
        <BookingWizard firmSlug={firmSlug} booker={{ kind: 'guest' }} />
      </PublicFrame>
    ));
  });
