/**
 * `/go/?token=…`: a link from a notification email. Signed in as its recipient, it marks the
 * notices read and opens the page (in the reader's own area); otherwise it says why not.
 */
import { useEffect, useState } from 'react';
import { ApiError, call, restoreSession } from '../api.ts';
import { PublicFrame } from '../components/PublicFrame.tsx';
import { notificationsText } from '../i18n/notifications/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';

type Problem = 'notYours' | 'expired' | 'missing';

function GoPage() {
  const t = useText(notificationsText);
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    const token = new URLSearchParams(location.search).get('token') ?? '';
    // Refused (a suspended firm): the sign-in page says why.
    void restoreSession()
      .catch(() => null)
      .then(async (session) => {
        if (!session) return location.replace(`/login/?next=${encodeURIComponent(location.pathname + location.search)}`);
        try {
          const { path } = await call('openEmailLink', { body: { token } });
          location.replace(path === '/' ? session.home : path);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          setProblem(e.status === 403 ? 'notYours' : e.status === 410 ? 'expired' : 'missing');
        }
      });
  }, []);
  return (
    <PublicFrame>
      <h1 className="text-2xl font-semibold">{t.emailLink.title}</h1>
      {problem && (
        <>
          <p role="alert" className="mt-4 rounded border border-amber-200 bg-amber-50 p-4">
            {t.emailLink[problem]}
          </p>
          <a href="/" className="mt-4 inline-block text-brand-700 underline">
            {t.emailLink.home}
          </a>
        </>
      )}
    </PublicFrame>
  );
}

mount(() => <GoPage />);
