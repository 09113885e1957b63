/**
 * `/request/?id=…`, `/task/?id=…` and `/ticket/?id=…`: the links in notifications. They open the page in the
 * reader's own area (portal, staff or admin), or ask them to sign in first.
 */
import { restoreSession } from '../api.ts';

// Refused (a suspended firm): the sign-in page says why.
void restoreSession()
  .catch(() => null)
  .then((session) => {
    const page = location.pathname.split('/')[1];
    const target = session ? `${session.home}${page}/${location.search}` : `/login/?next=${encodeURIComponent(location.pathname + location.search)}`;
    location.replace(target);
  });
