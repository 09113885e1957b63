import { BookingWizard } from '../components/BookingWizard.tsx';
import { PublicFrame } from '../components/PublicFrame.tsx';
import { mount } from '../mount.tsx';

/** The public booking page of a firm: `/book/?firm=<slug>`, for guests. */
mount(() => (
  <PublicFrame>
    <BookingWizard firmSlug={new URLSearchParams(location.search).get('firm') ?? ''} booker={{ kind: 'guest' }} />
  </PublicFrame>
));
