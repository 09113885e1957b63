import { useState } from 'react';
import { ApiError } from '../api.ts';
import { errorsByField } from '../errors.ts';
import { useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { useText } from '../i18n/text.ts';

/**
 * The state every form shares: busy while sending, the server's field errors under their
 * fields (labelled by `labelOf`), any other failure, and a notice once it worked.
 */
export function useSubmission(labelOf: (field: string) => string) {
  const t = useText(commonText);
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function run(work: () => Promise<void>) {
    setErrors({});
    setFailure(null);
    setNotice(null);
    setBusy(true);
    try {
      await work();
    } catch (error) {
      if (error instanceof ApiError && error.details.length) setErrors(errorsByField(error.details, labelOf, t, locale));
      else setFailure(error);
    }
    setBusy(false);
  }

  return { busy, errors, setErrors, failure, notice, setNotice, run };
}
