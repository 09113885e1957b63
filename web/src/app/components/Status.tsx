import { errorText } from '../errors.ts';
import { useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { useText } from '../i18n/text.ts';

/** The loading notice: a block of its own, or `inline` a line the size of the short answer (an empty list's sentence) it gives way to, so nothing below moves. */
export function Loading({ inline = false }: { inline?: boolean }) {
  const t = useText(commonText);
  return (
    <p role="status" className={inline ? 'mt-2 text-sm text-slate-600' : 'p-8 text-center text-slate-500'}>
      {t.loading}
    </p>
  );
}

/** Shows what went wrong in the reader's language (web/src/app/errors.ts). */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useText(commonText);
  const { locale } = useLocale();
  const message = errorText(error, t, locale);
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 p-4 text-red-800">
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} className="mt-2 font-medium underline">
          {t.retry}
        </button>
      )}
    </div>
  );
}

/** How a form's last sending went: its notice once it worked, or what went wrong, announced either way. */
export function FormOutcome({ notice, failure }: { notice: string | null; failure: unknown }) {
  return (
    <div aria-live="polite" className="mt-3">
      {notice && <p className="text-green-700">{notice}</p>}
      {failure !== null && <ErrorNotice error={failure} />}
    </div>
  );
}
