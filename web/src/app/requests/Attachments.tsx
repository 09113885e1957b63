/** Documents attached to a request or a comment (ADR 0031): listed as the reader may see them, and chosen to attach. */
import { useRef, useState } from 'react';
import type { AttachmentView } from '../../../../shared/api/schemas/request.ts';
import { MAX_ATTACHMENTS } from '../../../../shared/domain/documents/attachments.ts';
import { ApiError, call } from '../api.ts';
import { sendFile } from '../documents/upload.ts';
import { errorText, problemText } from '../errors.ts';
import { commonText } from '../i18n/common/index.ts';
import { format, useLocale } from '../i18n/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { useText } from '../i18n/text.ts';

/** The files, each to download when it is available, or what keeps it from being opened. */
export function AttachmentList({ attachments }: { attachments: readonly AttachmentView[] }) {
  const t = useText(requestsText).requests.attachments;
  const [problem, setProblem] = useState<string | null>(null);
  if (!attachments.length) return null;
  async function download(documentId: string) {
    setProblem(null);
    try {
      location.assign((await call('getDocumentDownload', { params: { documentId } })).url);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }
  return (
    <div className="mt-2">
      <ul aria-label={t.title} className="flex flex-wrap gap-2 text-sm">
        {attachments.map((a, i) => (
          <li key={a.documentId ?? `${a.name}-${i}`} className="rounded border border-slate-200 bg-slate-50 px-2 py-1 text-slate-800">
            {a.state === 'available' && a.documentId ? (
              <button type="button" onClick={() => void download(a.documentId!)} className="text-brand-700 underline">
                <span className="sr-only">{t.download} </span>
                <bdi>{a.name}</bdi>
              </button>
            ) : (
              <>
                <bdi>{a.name}</bdi> <span className="text-slate-600">({t.states[a.state]})</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {problem && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}

type UploadTarget = Parameters<typeof sendFile>[1];

/**
 * Files chosen to attach, sent into the customer's documents when the form is sent: each
 * once, so a retry after a refusal sends only what is left. `sending` is each one's progress;
 * `refused` says why a file was not taken (its type, its size…), beside it.
 */
export function useUploads(target: UploadTarget) {
  const t = useText(commonText, requestsText);
  const { locale } = useLocale();
  const [files, setFiles] = useState<File[]>([]);
  const [sending, setSending] = useState<Record<string, number>>({});
  const [refused, setRefused] = useState(new Map<File, string>());
  const sent = useRef(new Map<File, string>());

  /** The file's document id, or undefined when it was refused. */
  async function send(file: File): Promise<string | undefined> {
    const known = sent.current.get(file);
    if (known) return known;
    const progress = (share: number) => setSending((s) => ({ ...s, [file.name]: share }));
    progress(0);
    try {
      const { document } = await sendFile(file, target, progress);
      sent.current.set(file, document.documentId);
      return document.documentId;
    } catch (error) {
      const problem = error instanceof ApiError ? error.details[0] : undefined;
      const why = problem ? problemText(problem, '', t, locale).trim() : errorText(error, t, locale);
      setRefused((r) => new Map(r).set(file, format(t.requests.attachments.failed, { name: file.name, why })));
      return undefined;
    }
  }

  /** The chosen files' document ids, in order, once each is sent; undefined when one was refused. */
  async function sendAll(): Promise<string[] | undefined> {
    setRefused(new Map());
    const ids: (string | undefined)[] = [];
    try {
      for (const file of files) ids.push(await send(file));
    } finally {
      setSending({});
    }
    return ids.every((id) => id !== undefined) ? ids : undefined;
  }

  const choose = (chosen: File[]) => {
    setFiles(chosen.slice(0, MAX_ATTACHMENTS));
    setRefused((r) => new Map([...r].filter(([file]) => chosen.includes(file))));
  };
  const clear = () => {
    choose([]);
    sent.current.clear();
  };
  return { files, choose, sending, refused, sendAll, clear };
}

/** The choice of files to attach (up to MAX_ATTACHMENTS), each with its progress while sent, and what the API refused of them (by field). */
export function FileChoice({ uploads, problems }: { uploads: ReturnType<typeof useUploads>; problems: [string, string][] }) {
  const t = useText(requestsText).requests.attachments;
  const { files, choose, sending, refused } = uploads;
  const input = useRef<HTMLInputElement>(null);
  const full = files.length >= MAX_ATTACHMENTS;
  return (
    <div>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        onChange={(e) => {
          choose([...files, ...(e.currentTarget.files ?? [])]);
          e.currentTarget.value = '';
        }}
      />
      <button
        type="button"
        disabled={full}
        onClick={() => input.current?.click()}
        className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
      >
        {t.attach}
      </button>
      <span className="ms-2 text-xs text-slate-600">{format(t.limit, { count: String(MAX_ATTACHMENTS) })}</span>
      {files.length > 0 && (
        <ul aria-label={t.chosen} className="mt-2 space-y-1 text-sm">
          {files.map((file, i) => (
            <li key={`${file.name}-${i}`} className="flex flex-wrap items-center gap-2">
              <bdi className="truncate">{file.name}</bdi>
              {sending[file.name] !== undefined ? (
                <progress max={1} value={sending[file.name]} aria-label={format(t.sending, { name: file.name })} className="h-2 w-24" />
              ) : (
                <button
                  type="button"
                  onClick={() => choose(files.filter((_, j) => j !== i))}
                  className="text-xs text-red-800 underline"
                  aria-label={format(t.remove, { name: file.name })}
                >
                  {t.removeShort}
                </button>
              )}
              {refused.has(file) && (
                <span role="alert" className="basis-full text-red-700">
                  {refused.get(file)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {problems.map(([field, message]) => (
        <p key={field} className="mt-1 text-sm text-red-700">
          {files[Number(field.split('.')[1])]?.name ?? t.title}: {message}
        </p>
      ))}
    </div>
  );
}
