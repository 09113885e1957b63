/**
 * `/shared/?token=…`: a document a firm shared with someone outside the portal. It shows the
 * file and the firm; when the link asks for a one-time code, a button emails one to the
 * link's recipient and the code is typed here; then the file downloads.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { ApiError, call } from '../api.ts';
import { PublicFrame } from '../components/PublicFrame.tsx';
import { Button, CONTROL } from '../components/ui.tsx';
import { dateTime } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { documentsText } from '../i18n/documents/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { sizeText } from './size.ts';

const token = new URLSearchParams(location.search).get('token') ?? '';

function SharedPage() {
  const s = useText(documentsText).documents.shared;
  const { locale } = useLocale();
  const [shared, setShared] = useState<ResponseOf<'getSharedDocument'> | null>(null);
  const [problem, setProblem] = useState<string | null>(token ? null : s.noToken);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!token) return;
    call('getSharedDocument', { params: { token } })
      .then(setShared)
      .catch((e: unknown) => setProblem(e instanceof ApiError && e.status === 404 ? s.notFound : e instanceof Error ? e.message : String(e)));
  }, [s.notFound]);

  async function attempt(work: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setProblem(
        e instanceof ApiError && e.details.length ? e.details.map((d) => `${s.code} ${d.message}`).join(' ') : e instanceof Error ? e.message : String(e),
      );
    } finally {
      setBusy(false);
    }
  }
  const sendCode = () =>
    attempt(async () => {
      await call('sendShareCode', { params: { token } });
      setNotice(format(s.codeSent, { recipient: shared!.recipient }));
    });
  function download(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '').trim();
    void attempt(async () => {
      const { url } = await call('downloadSharedDocument', { params: { token }, body: code ? { code } : {} });
      location.assign(url);
      setNotice(s.downloading);
    });
  }

  return (
    <PublicFrame>
      <h1 className="mb-4 text-2xl font-semibold">{shared ? <bdi>{shared.name}</bdi> : s.title}</h1>
      {shared && (
        <div className="rounded bg-white p-4 shadow">
          <p className="mb-4 text-slate-700">
            {format(s.lead, { firm: shared.firm, size: sizeText(shared.size, locale), until: dateTime(shared.validUntil, locale) })}
          </p>
          <form onSubmit={download} className="space-y-3">
            {shared.requireCode && (
              <>
                <p className="text-sm text-slate-700">{format(s.codeLead, { recipient: shared.recipient })}</p>
                <Button type="button" variant="secondary" onClick={() => void sendCode()} disabled={busy}>
                  {s.sendCode}
                </Button>
                <label className="block text-sm font-medium">
                  {s.code}
                  <input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} className={`${CONTROL} max-w-40`} />
                </label>
              </>
            )}
            <Button type="submit" disabled={busy}>
              {s.download}
            </Button>
          </form>
        </div>
      )}
      {notice && (
        <p role="status" className="mt-4 text-sm text-green-800">
          {notice}
        </p>
      )}
      {problem && (
        <p role="alert" className="mt-4 rounded border border-amber-200 bg-amber-50 p-4">
          {problem}
        </p>
      )}
    </PublicFrame>
  );
}

mount(() => <SharedPage />);
