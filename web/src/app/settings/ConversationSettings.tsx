/** Admin → Settings → Conversations: the canned replies staff insert, and the ticket SLA by priority (ADR 0033). */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ConversationSettingsView } from '../../../../shared/api/schemas/conversations.ts';
import { MAX_CANNED_REPLIES, MAX_CANNED_TITLE_LENGTH, MAX_MESSAGE_LENGTH } from '../../../../shared/domain/conversations/conversations.ts';
import { TICKET_PRIORITIES } from '../../../../shared/domain/conversations/tickets.ts';
import { call } from '../api.ts';
import { ErrorNotice, FormOutcome, Loading } from '../components/Status.tsx';
import { Button, Card, CONTROL } from '../components/ui.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { format } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { settingsText } from '../i18n/settings/index.ts';
import { useText } from '../i18n/text.ts';

type Reply = { replyId?: string; title: string; body: string; key: number };

export function ConversationSettings() {
  const t = useText(commonText, settingsText);
  const c = t.settings.conversations;
  const id = useId();
  const [settings, setSettings] = useState<ConversationSettingsView | null>(null);
  const [replies, setReplies] = useState<Reply[]>([]);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  // Field errors arrive as cannedReplies.<n>.title or ticketSla.<priority>.<hours>: named for the reader.
  const { busy, errors, failure, notice, setNotice, run } = useSubmission((field) => {
    const [list, at, part] = field.split('.');
    if (list === 'cannedReplies' && at !== undefined) return format(part === 'body' ? c.replyBody : c.replyTitle, { n: String(Number(at) + 1) });
    if (list === 'ticketSla' && at) return `${c.priorities[at as keyof typeof c.priorities]} · ${part === 'resolutionHours' ? c.resolution : c.firstResponse}`;
    return c.replies;
  });

  const show = (s: ConversationSettingsView) => {
    setSettings(s);
    setReplies(s.cannedReplies.map((r, key) => ({ ...r, key })));
  };
  const load = () => {
    setLoadFailure(null);
    call('getConversationSettings').then(show).catch(setLoadFailure);
  };
  useEffect(load, []);

  function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!settings) return;
    const data = new FormData(e.currentTarget);
    const hours = (name: string) => Number(data.get(name));
    const ticketSla = Object.fromEntries(
      TICKET_PRIORITIES.map((p) => [p, { firstResponseHours: hours(`${p}-first`), resolutionHours: hours(`${p}-resolution`) }]),
    ) as ConversationSettingsView['ticketSla'];
    const cannedReplies = replies.map(({ replyId, title, body }) => ({ ...(replyId && { replyId }), title, body }));
    void run(async () => {
      show(await call('updateConversationSettings', { body: { version: settings.version, cannedReplies, ticketSla } }));
      setNotice(c.saved);
    });
  }

  const edit = (key: number, change: Partial<Reply>) => setReplies((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const errorOf = (field: string) =>
    errors[field] && (
      <p id={`${id}-${field}`} className="mt-1 text-sm text-red-700">
        {errors[field]}
      </p>
    );

  return (
    <Card aria-labelledby={`${id}-title`} className="mb-8">
      <h2 id={`${id}-title`} className="mb-1 text-lg font-semibold">
        {c.title}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{c.lead}</p>
      {loadFailure !== null && <ErrorNotice error={loadFailure} onRetry={load} />}
      {!settings && loadFailure === null && <Loading />}
      {settings && (
        <form onSubmit={onSave} noValidate className="space-y-4">
          <FormOutcome notice={notice} failure={failure} />
          <fieldset className="space-y-3">
            <legend className="font-medium">{c.replies}</legend>
            {!replies.length && <p className="text-sm text-slate-600">{c.noReplies}</p>}
            {replies.map((r, i) => (
              <div key={r.key} className="rounded border border-slate-200 p-3">
                <label className="block text-sm font-medium">
                  {format(c.replyTitle, { n: String(i + 1) })}
                  <input
                    value={r.title}
                    maxLength={MAX_CANNED_TITLE_LENGTH}
                    onChange={(e) => edit(r.key, { title: e.currentTarget.value })}
                    aria-invalid={Boolean(errors[`cannedReplies.${i}.title`])}
                    aria-describedby={errors[`cannedReplies.${i}.title`] ? `${id}-cannedReplies.${i}.title` : undefined}
                    className={CONTROL}
                  />
                </label>
                {errorOf(`cannedReplies.${i}.title`)}
                <label className="mt-2 block text-sm font-medium">
                  {format(c.replyBody, { n: String(i + 1) })}
                  <textarea
                    value={r.body}
                    rows={3}
                    maxLength={MAX_MESSAGE_LENGTH}
                    onChange={(e) => edit(r.key, { body: e.currentTarget.value })}
                    aria-invalid={Boolean(errors[`cannedReplies.${i}.body`])}
                    aria-describedby={errors[`cannedReplies.${i}.body`] ? `${id}-cannedReplies.${i}.body` : undefined}
                    className={CONTROL}
                  />
                </label>
                {errorOf(`cannedReplies.${i}.body`)}
                <Button type="button" size="sm" variant="secondary" className="mt-2" onClick={() => setReplies((all) => all.filter((x) => x.key !== r.key))}>
                  {format(c.remove, { n: String(i + 1) })}
                </Button>
              </div>
            ))}
            {errorOf('cannedReplies')}
            <Button
              type="button"
              variant="secondary"
              disabled={replies.length >= MAX_CANNED_REPLIES}
              onClick={() => setReplies((all) => [...all, { title: '', body: '', key: Math.max(0, ...all.map((x) => x.key)) + 1 }])}
            >
              {c.add}
            </Button>
          </fieldset>
          <fieldset>
            <legend className="font-medium">{c.sla}</legend>
            <p className="mb-2 text-sm text-slate-600">{c.slaHint}</p>
            <table className="text-sm">
              <thead>
                <tr>
                  <th scope="col" className="pe-4 text-start">
                    {c.priority}
                  </th>
                  <th scope="col" className="pe-4 text-start">
                    {c.firstResponse}
                  </th>
                  <th scope="col" className="text-start">
                    {c.resolution}
                  </th>
                </tr>
              </thead>
              <tbody>
                {TICKET_PRIORITIES.map((p) => (
                  <tr key={p}>
                    <th scope="row" className="pe-4 text-start font-normal">
                      {c.priorities[p]}
                    </th>
                    {(['first', 'resolution'] as const).map((kind) => {
                      const field = `ticketSla.${p}.${kind === 'first' ? 'firstResponseHours' : 'resolutionHours'}`;
                      const label = `${c.priorities[p]} · ${kind === 'first' ? c.firstResponse : c.resolution}`;
                      return (
                        <td key={kind} className="pe-4 pb-2">
                          <input
                            name={`${p}-${kind}`}
                            type="number"
                            min={0.25}
                            step={0.25}
                            aria-label={label}
                            defaultValue={kind === 'first' ? settings.ticketSla[p].firstResponseHours : settings.ticketSla[p].resolutionHours}
                            aria-invalid={Boolean(errors[field])}
                            className={`${CONTROL} w-28`}
                          />
                          {errorOf(field)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
          <Button type="submit" disabled={busy}>
            {busy ? c.saving : c.save}
          </Button>
        </form>
      )}
    </Card>
  );
}
