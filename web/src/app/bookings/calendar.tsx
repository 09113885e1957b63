import BookingCalendar from './BookingCalendar.tsx';
import { Shell } from '../components/Shell.tsx';
import { mount } from '../mount.tsx';

const area = (document.getElementById('app')?.dataset.area ?? 'staff') as 'staff' | 'admin';

mount(() => <Shell area={area}>{(session) => <BookingCalendar session={session} area={area} />}</Shell>);
