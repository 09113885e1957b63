import { LOCALE_NAMES, LOCALES } from '../../../../shared/domain/locales.ts';
import { useLocale, type Locale } from '../i18n/index.ts';

/**
 * The languages on offer (the firm's, once its page is known) as options, each named in itself
 * and marked so a screen reader says it in that language. `kept`: a person's own language, listed
 * even when the firm no longer offers it, so saving their other details does not change it.
 */
export function LocaleOptions({ kept }: { kept?: Locale }) {
  const { languages } = useLocale();
  return LOCALES.filter((code) => languages.includes(code) || code === kept).map((code) => (
    <option key={code} value={code} lang={code}>
      {LOCALE_NAMES[code]}
    </option>
  ));
}
