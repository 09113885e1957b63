/**
 * `/request/?id=…`: the link in notifications. It opens the request in the reader's own area
 * (portal, staff or admin), or asks them to sign in first.
 */
import { restoreSession } from '../api.ts';

void restoreSession().then((session) => {
  const target = session ? `${session.home}request/${location.search}` : `/login/?next=${encodeURIComponent(location.pathname + location.search)}`;
  location.replace(target);
});
