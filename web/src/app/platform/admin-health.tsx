import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { textFor, useLocale } from '../i18n/index.ts';
import { platformText } from '../i18n/platform/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Button } from '../components/ui.tsx';

type Health = ResponseOf<'getSystemHealth'>;

/** Each part of the system, green or red, with what it reported; checked again on demand. */
function HealthPage() {
  const t = useText(platformText);
  const { locale } = useLocale();
  const [health, setHealth] = useState<Health | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(true);

  const check = useCallback(() => {
    setBusy(true);
    setFailure(null);
    call('getSystemHealth')
      .then(setHealth)
      .catch(setFailure)
      .finally(() => setBusy(false));
  }, []);
  useEffect(check, [check]);

  const fact = (value: string | number | boolean) => (typeof value === 'boolean' ? (value ? t.health.yes : t.health.no) : String(value));
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center gap-4">
        <h1 className="me-auto text-2xl font-semibold">{t.health.title}</h1>
        <Button variant="secondary" type="button" onClick={check} disabled={busy}>
          {busy ? t.health.checking : t.health.again}
        </Button>
      </div>
      {failure !== null && <ErrorNotice error={failure} onRetry={check} />}
      {!health && busy && <Loading />}
      {health && (
        <>
          <p role="status" className={`mb-4 rounded p-3 ${health.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}>
            {health.ok ? t.health.allOk : t.health.someFailing} ·{' '}
            <time dateTime={health.checkedAt}>{new Date(health.checkedAt).toLocaleTimeString(locale)}</time>
          </p>
          <ul className="grid gap-4 sm:grid-cols-2">
            {health.checks.map((c) => (
              <li
                key={c.name}
                data-testid={`health-${c.name}`}
                className={`rounded-lg border-s-4 bg-white p-4 shadow ${c.ok ? 'border-green-600' : 'border-red-600'}`}
              >
                <h2 className="font-semibold">
                  <span aria-hidden="true">{c.ok ? '● ' : '▲ '}</span>
                  {t.health.checks[c.name]} — {c.ok ? t.health.ok : t.health.failing}
                </h2>
                <p className="text-sm text-slate-600">{t.health.descriptions[c.name]}</p>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  {Object.entries(c.facts).map(([key, value]) => (
                    <div key={key} className="contents">
                      <dt className="text-slate-600">{textFor(t.health.facts, key) ?? key}</dt>
                      <dd className="font-mono">{fact(value)}</dd>
                    </div>
                  ))}
                  <dt className="text-slate-600">{t.health.latency}</dt>
                  <dd className="font-mono">{c.latencyMs} ms</dd>
                  {c.error && (
                    <>
                      <dt className="text-slate-600">{t.health.error}</dt>
                      <dd className="font-mono text-red-800">{c.error}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

mount(() => <Shell area="admin">{() => <HealthPage />}</Shell>);
