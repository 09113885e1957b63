/** The 404 page: says so plainly and offers a way back (the previous page, the dashboard when signed in, or home and sign-in). */
import { useEffect, useState } from 'react';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { restoreSession } from '../api.ts';
import { PublicFrame } from '../components/PublicFrame.tsx';
import { signInText } from '../i18n/sign-in/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';

const LINK = 'font-medium text-brand-700 underline';

function NotFoundPage() {
  const t = useText(signInText);
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => void restoreSession().then(setSession, () => undefined), []);
  return (
    <PublicFrame>
      <h1 className="text-2xl font-semibold">{t.notFound.title}</h1>
      <p className="mt-3 text-slate-700">{t.notFound.body}</p>
      <ul className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        {history.length > 1 && (
          <li>
            <button type="button" onClick={() => history.back()} className={LINK}>
              {t.notFound.back}
            </button>
          </li>
        )}
        {session ? (
          <li>
            <a href={session.home} className={LINK}>
              {t.notFound.dashboard}
            </a>
          </li>
        ) : (
          <>
            <li>
              <a href="/" className={LINK}>
                {t.notFound.home}
              </a>
            </li>
            <li>
              <a href="/login/" className={LINK}>
                {t.notFound.signIn}
              </a>
            </li>
          </>
        )}
      </ul>
    </PublicFrame>
  );
}

mount(NotFoundPage);
