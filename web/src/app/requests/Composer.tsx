/** The reply box under a request's timeline: words, files of the request's customer, or both (ADR 0031). */
import type { FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { call } from '../api.ts';
import { ErrorNotice } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { CONTROL } from '../components/ui.tsx';

import { requestsText } from '../i18n/requests/index.ts';
import { useText } from '../i18n/text.ts';
import { FileChoice, useUploads } from './Attachments.tsx';

type Detail = ResponseOf<'getRequest'>;

export function Composer({ request, staff, onSent }: { request: Detail; staff: boolean; onSent: () => void }) {
  const t = useText(requestsText);
  const { busy, errors, failure, run } = useSubmission((field) => (field.startsWith('attachments') ? t.requests.attachments.title : t.requests.comment));
  // Staff file them under the request's customer; a client's are their own.
  const uploads = useUploads(staff ? { customerId: request.customerId } : {});

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      const attachments = await uploads.sendAll();
      if (!attachments) return;

      await call('commentOnRequest', {
        params: { requestId: request.requestId },
        body: { text: String(data.get('text') ?? ''), internal: data.has('internal'), attachments },
      });
      form.reset();
      uploads.clear();
      onSent();
    });
  }

  const fileProblems = Object.entries(errors).filter(([field]) => field.startsWith('attachments'));
  return (
    <form onSubmit={onSubmit} noValidate className="mb-4 space-y-3 rounded-lg bg-white p-4 shadow">
      <label className="block text-sm font-medium">
        {t.requests.comment}
        <textarea name="text" rows={3} maxLength={5000} className={CONTROL} aria-invalid={Boolean(errors.text)} />
        {errors.text && <span className="text-sm text-red-700">{errors.text}</span>}
      </label>
      {/* A request of no customer has nowhere to keep documents. */}
      {request.customerId && <FileChoice uploads={uploads} problems={fileProblems} />}
      {staff && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="internal" /> {t.requests.internal}
        </label>
      )}
      <div aria-live="polite">{failure !== null && <ErrorNotice error={failure} />}</div>
      <button type="submit" disabled={busy} className="rounded border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-60">
        {t.requests.addComment}
      </button>
    </form>
  );
}
