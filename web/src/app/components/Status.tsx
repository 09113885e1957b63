import { errorText } from '../errors.ts';
import { useI18n } from '../i18n/index.ts';

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="p-8 text-center text-slate-500">
      {t.loading}
    </p>
  );
}

/** Shows what went wrong in the reader's language (web/src/app/errors.ts). */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
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
