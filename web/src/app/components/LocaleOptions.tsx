import { LOCALES } from '../i18n/index.ts';

/** The portal's languages as options, each named in itself (and marked so a screen reader says it in that language). */
export function LocaleOptions() {
  return LOCALES.map((l) => (
    <option key={l.code} value={l.code} lang={l.code}>
      {l.label}
    </option>
  ));
}
