import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { call } from '../api.ts';
import { format } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { tasksText } from '../i18n/tasks/index.ts';
import { useText } from '../i18n/text.ts';
import { CONTROL } from '../components/ui.tsx';

type Offer = ResponseOf<'offerTaskAssignees'>;

/**
 * The staff who can take a task needing `skills` (only those holding one), best first, with the
 * suggested one chosen unless `current` names someone. Each option says why: skills matched and
 * open tasks.
 */
export function AssigneePicker({
  skills,
  current,
  label,
  error,
}: {
  skills: readonly string[];
  current?: string | undefined;
  label: string;
  error?: string | undefined;
}) {
  const t = useText(commonText, tasksText);
  const [offer, setOffer] = useState<Offer | null>(null);
  const [failed, setFailed] = useState(false);
  const key = skills.join(',');
  useEffect(() => {
    setOffer(null);
    call('offerTaskAssignees', { query: { skills: key } })
      .then(setOffer)
      .catch(() => setFailed(true));
  }, [key]);

  if (failed)
    return (
      <p role="alert" className="text-sm text-red-700">
        {t.errors.generic}
      </p>
    );
  if (!offer)
    return (
      <p role="status" className="text-sm text-slate-500">
        {t.loading}
      </p>
    );
  if (offer.offered.length === 0)
    return (
      <p role="alert" className="text-sm text-amber-800">
        {t.tasks.nobodyFits}
      </p>
    );
  return (
    <label className="block text-sm font-medium">
      {label}
      <select key={key} name="assigneeId" defaultValue={current ?? offer.suggested ?? ''} aria-invalid={Boolean(error)} className={CONTROL}>
        <option value="">{t.tasks.unassigned}</option>
        {offer.offered.map((o) => (
          <option key={o.userId} value={o.userId}>
            {format(t.tasks.offerLine, { name: o.name, matched: o.matched.join(', ') || t.tasks.anySkill, open: String(o.openTasks) })}
            {o.userId === offer.suggested ? ` (${t.tasks.suggested})` : o.away ? ` (${t.tasks.away})` : ''}
          </option>
        ))}
      </select>
      {error && <span className="text-sm text-red-700">{error}</span>}
    </label>
  );
}
