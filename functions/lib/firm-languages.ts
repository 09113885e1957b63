import { validationFailed } from '../../shared/api/errors.ts';
import { unofferedLocale, type FirmLanguages, type Locale } from '../../shared/domain/locales.ts';

/** A 400 naming the field when a person or a visitor is given a language this firm does not offer (ADR 0040). */
export function requireOffered(firm: FirmLanguages, locale: Locale | undefined, field = 'locale'): void {
  const problem = unofferedLocale(firm, locale);
  if (problem) throw validationFailed([{ field, message: problem, rule: 'choice' }]);
}
