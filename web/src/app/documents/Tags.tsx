/** A document's tags on its page: shown to whoever sees it, changed by staff who organise documents (typed with commas between). */
import { useState, type FormEvent } from 'react';
import { MAX_TAGS } from '../../../../shared/domain/documents/tags.ts';
import { call } from '../api.ts';
import { FormOutcome } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { Button, Card, CONTROL } from '../components/ui.tsx';
import { format } from '../i18n/index.ts';
import { documentsText } from '../i18n/documents/index.ts';
import { useText } from '../i18n/text.ts';

export function Tags({ documentId, tags, mayChange, onSaved }: { documentId: string; tags: string[]; mayChange: boolean; onSaved: () => void }) {
  const t = useText(documentsText).documents.tags;
  const [editing, setEditing] = useState(false);
  const { busy, errors, failure, notice, setNotice, run } = useSubmission(() => t.label);
  // One tag's problem names it by its place in the list: any of them belongs under the field.
  const problem = Object.entries(errors).find(([field]) => field === 'tags' || field.startsWith('tags.'))?.[1];

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const typed = String(new FormData(e.currentTarget).get('tags') ?? '');
    void run(async () => {
      await call('updateDocument', { params: { documentId }, body: { tags: typed.split(',').filter((tag) => tag.trim()) } });
      setEditing(false);
      setNotice(t.saved);
      onSaved();
    });
  }

  return (
    <Card aria-labelledby="tags-title" className="mb-6">
      <h2 id="tags-title" className="mb-3 text-lg font-semibold">
        {t.title}
      </h2>
      {editing ? (
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
          <label className="grow text-sm font-medium">
            {t.label}
            <input
              name="tags"
              defaultValue={tags.join(', ')}
              maxLength={1000}
              className={CONTROL}
              aria-invalid={Boolean(problem)}
              aria-describedby="tags-hint"
            />
            <span id="tags-hint" className="block text-xs font-normal text-slate-600">
              {format(t.hint, { count: String(MAX_TAGS) })}
            </span>
            {problem && <span className="block text-sm text-red-700">{problem}</span>}
          </label>
          <Button type="submit" disabled={busy}>
            {t.save}
          </Button>
          <Button variant="secondary" onClick={() => setEditing(false)}>
            {t.cancel}
          </Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          {tags.length ? (
            <ul aria-label={t.title} className="flex flex-wrap gap-2">
              {tags.map((tag) => (
                <li key={tag} className="rounded-full bg-slate-100 px-3 py-1 text-sm">
                  <bdi>{tag}</bdi>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t.none}</p>
          )}
          {mayChange && (
            <Button size="sm" variant="secondary" onClick={() => (setNotice(null), setEditing(true))}>
              {t.edit}
            </Button>
          )}
        </div>
      )}
      <FormOutcome notice={notice} failure={failure} />
    </Card>
  );
}
