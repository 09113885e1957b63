import type { AssignmentReason } from '../../../../shared/domain/requests/assignment.ts';
import { format, textFor } from '../i18n/index.ts';
import type { requestsText } from '../i18n/requests/index.ts';
import type { teamText } from '../i18n/team/index.ts';
import type { TextOf } from '../i18n/text.ts';

/** Why this person: who chose, or what the ranking saw (stored as JSON, shown in the reader's language). */
export function reasonText(raw: string, t: TextOf<typeof requestsText> & TextOf<typeof teamText>): string {
  let reason: AssignmentReason;
  try {
    reason = JSON.parse(raw) as AssignmentReason;
  } catch {
    return raw;
  }
  if (reason.kind === 'manual') return reason.by ? format(t.requests.reasons.manual, { by: reason.by }) : '';
  if (reason.kind === 'booking') return t.requests.reasons.booking;
  // A kind this page does not know (written by a later version): say nothing rather than something wrong.
  if (reason.kind !== 'auto') return '';
  return [
    reason.required
      ? format(t.requests.reasons.skills, {
          matched: String(reason.matched?.length ?? 0),
          required: String(reason.required),
          list: (reason.matched ?? []).join(', '),
        })
      : t.requests.reasons.anySkills,
    reason.availability && (textFor(t.team.statuses, reason.availability) ?? reason.availability),
    // Stored JSON from older versions may lack a figure: leave it out rather than print "undefined".
    typeof reason.load === 'number' &&
      typeof reason.capacity === 'number' &&
      format(t.requests.reasons.load, { load: String(reason.load), capacity: String(reason.capacity) }),
    reason.expertise && (textFor(t.team.levels, reason.expertise) ?? reason.expertise),
  ]
    .filter(Boolean)
    .join(' · ');
}
