/**
 * What went wrong, in the reader's language. The server writes English; English readers get its
 * own words (they are the most specific), others the meaning of the error's code and of the rule
 * each field broke (shared/api/errors.ts).
 */
import type { FieldProblem } from '../../../shared/api/errors.ts';
import { DEFAULT_LOCALE } from '../../../shared/domain/locales.ts';
import { ApiError } from './api.ts';
import type { commonText } from './i18n/common/index.ts';
import { format, textFor, type Locale } from './i18n/index.ts';
import type { TextOf } from './i18n/text.ts';

type CommonText = TextOf<typeof commonText>;

/** The language of the server's messages. */
const SERVER_LOCALE: Locale = DEFAULT_LOCALE;

export function errorText(error: unknown, t: CommonText, locale: Locale): string {
  if (!(error instanceof ApiError)) return t.errors.generic;
  if (error.code === 'network') return t.errors.network;
  if (locale === SERVER_LOCALE) return error.message;
  return textFor(t.errors.codes, error.code) ?? t.errors.generic;
}

/** A field's problem after the form's own label for it. */
export function problemText(problem: FieldProblem, label: string, t: CommonText, locale: Locale): string {
  if (locale === SERVER_LOCALE) return `${label} ${problem.message}`;
  const rule = textFor(t.errors.rules, problem.rule ?? 'invalid') ?? t.errors.rules.invalid;
  return `${label} ${format(rule, { limit: problem.limit === undefined ? '' : problem.limit.toLocaleString(locale) })}`;
}

/** Each field's problem under its label, by the field's name. */
export const errorsByField = (details: FieldProblem[], label: (field: string) => string, t: CommonText, locale: Locale) =>
  Object.fromEntries(details.map((d) => [d.field, problemText(d, label(d.field), t, locale)]));
