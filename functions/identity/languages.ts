/** The languages a firm offers its people and visitors, and its default among them (ADR 0040). */
import { validationFailed } from '../../shared/api/errors.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { firmLanguagesOf as languagesView, languagesProblem } from '../../shared/domain/locales.ts';
import { changeContext } from '../lib/change-context.ts';
import { firmOf } from '../lib/firm.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { database } from './people-db.ts';

export async function getFirmLanguages(req: RequestOf<'getFirmLanguages'>): Promise<ReplyOf<'getFirmLanguages'>> {
  return { body: languagesView(await firmOf(req.actor)) };
}

/**
 * Changes the default or the offered languages. People keep the language they had: one the firm
 * no longer offers is written to in its default, and their pages offer only the firm's.
 */
export async function updateFirmLanguages(req: RequestOf<'updateFirmLanguages'>): Promise<ReplyOf<'updateFirmLanguages'>> {
  const firm = await firmOf(req.actor);
  const before = languagesView(firm);
  const next = languagesView({ locale: req.body.locale ?? firm.locale, languages: req.body.languages ?? before.languages });
  const problem = languagesProblem(next.languages, next.locale);
  if (problem) throw validationFailed([{ ...problem, rule: 'choice' }]);
  const changes = [
    ...(next.locale !== before.locale ? [{ field: 'locale', from: before.locale, to: next.locale }] : []),
    ...(next.languages.join() !== before.languages.join() ? [{ field: 'languages', from: before.languages, to: next.languages }] : []),
  ];
  if (!changes.length) return { body: before };
  const { tenantId } = firm;
  await commitTransaction(database(), (e) => [
    e.tenant.patch({ tenantId }).set(next).commit(),
    ...auditAndEvent(e, changeContext(req), {
      action: 'firm.languages_changed',
      entityType: 'firm',
      entityId: tenantId,
      changes,
      event: { type: 'firm.languages_changed', detail: next },
    }),
  ]);
  return { body: next };
}
