/**
 * Sending a file straight to storage (ADR 0029, 0032): in one presigned POST, or above 16 MB in
 * parts, one after another, each hashed and checked by S3, which can pause, resume and be
 * cancelled. A part cut short (a pause, a dropped network) is sent again; which parts arrived is
 * asked of the server, so nothing is counted twice.
 */
import type { BodyOf, ResponseOf } from '../../../../shared/api/routes.ts';
import type { DocumentView } from '../../../../shared/api/schemas/documents.ts';
import { call } from '../api.ts';

/** The file's SHA-256, base64, as S3 checks it. */
export async function sha256Base64(file: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * POSTs the form's fields, then the file (S3 reads fields before the file), reporting progress
 * from 0 to 1. Rejects with S3's error code (EntityTooLarge, BadDigest…) when it refuses.
 */
export async function sendForm(
  upload: { url: string; fields: Record<string, string> },
  file: Blob,
  onProgress: (share: number) => void,
  transfer?: Transfer,
): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', file);
  await send('POST', upload.url, form, {}, onProgress, transfer);
}

/** One request with its upload's progress (0 to 1); `transfer` may cut it short. Resolves with the ETag S3 answers. */
function send(
  method: 'POST' | 'PUT',
  url: string,
  body: Blob | FormData,
  headers: Record<string, string>,
  onProgress: (share: number) => void,
  transfer?: Transfer,
) {
  return new Promise<string | null>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.upload.addEventListener('progress', (e) => e.lengthComputable && onProgress(e.loaded / e.total));
    xhr.addEventListener('load', () => {
      transfer?.sent(xhr);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(xhr.getResponseHeader('etag'));
      reject(new Error(/<Code>([^<]+)<\/Code>/.exec(xhr.responseText)?.[1] ?? `HTTP ${xhr.status}`));
    });
    xhr.addEventListener('error', () => (transfer?.sent(xhr), reject(new Error('network'))));
    xhr.addEventListener('abort', () => (transfer?.sent(xhr), reject(new Interrupted())));
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    transfer?.sending(xhr);
    xhr.send(body);
  });
}

/** A request cut short by a pause or a cancel. */
class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/** What the person can do with a file being sent: pause and resume it (in parts only), or cancel it. */
export class Transfer {
  paused = false;
  cancelled = false;
  private request: XMLHttpRequest | undefined;
  private waiting: (() => void)[] = [];

  pause() {
    this.paused = true;
    this.request?.abort();
  }
  resume() {
    this.paused = false;
    this.wake();
  }
  cancel() {
    this.cancelled = true;
    this.request?.abort();
    this.wake();
  }
  /** Waits while paused; throws once cancelled. */
  async going(): Promise<void> {
    while (this.paused && !this.cancelled) await new Promise<void>((wake) => this.waiting.push(wake));
    if (this.cancelled) throw new Interrupted();
  }
  sending(xhr: XMLHttpRequest) {
    this.request = xhr;
  }
  sent(xhr: XMLHttpRequest) {
    if (this.request === xhr) this.request = undefined;
  }
  private wake() {
    for (const wake of this.waiting.splice(0)) wake();
  }
}

type Started = ResponseOf<'createDocumentUpload'>;

/** How often a part is tried before the upload fails (a network that drops now and then). */
const PART_TRIES = 4;

/**
 * The file in parts: those the server says arrived are skipped, each other one is hashed, signed
 * for its SHA-256 and PUT; then the parts are joined. Paused, it waits and asks again what arrived.
 */
async function sendParts(started: Started, file: File, onProgress: (share: number) => void, transfer: Transfer): Promise<void> {
  const params = { documentId: started.document.documentId, versionNo: String(started.versionNo) };
  for (;;) {
    await transfer.going();
    const { parts: held, partSize, partCount } = await call('listDocumentUploadParts', { params });
    let done = held.reduce((sum, part) => sum + part.size, 0);
    onProgress(done / file.size);
    const missing = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !held.some((part) => part.partNumber === n));
    try {
      for (const partNumber of missing) {
        const bytes = file.slice((partNumber - 1) * partSize, partNumber * partSize);
        const checksum = await sha256Base64(bytes);
        for (let attempt = 1; ; attempt++) {
          await transfer.going();
          const [link] = (await call('signDocumentUploadParts', { params, body: { parts: [{ partNumber, checksum }] } })).parts;
          try {
            await send(
              'PUT',
              link!.url,
              bytes,
              { 'x-amz-checksum-sha256': checksum },
              (share) => onProgress((done + share * bytes.size) / file.size),
              transfer,
            );
            break;
          } catch (error) {
            if (error instanceof Interrupted || (error as Error).message !== 'network' || attempt === PART_TRIES) throw error;
            await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
          }
        }
        done += bytes.size;
      }
    } catch (error) {
      // A pause cut the part short: once resumed, start again from what arrived.
      if (error instanceof Interrupted && transfer.paused && !transfer.cancelled) continue;
      throw error;
    }
    await call('completeDocumentUpload', { params });
    return;
  }
}

export type UploadState = 'preparing' | 'sending' | 'paused' | 'checking' | 'done' | 'failed' | 'cancelled';
export interface UploadProgress {
  state?: UploadState;
  progress?: number;
  /** Why it failed, or what is still going on. */
  message?: string;
}

type UploadTarget = Omit<BodyOf<'createDocumentUpload'>, 'name' | 'size' | 'checksum'>;

/**
 * One file hashed, its upload started (with `target`: the customer, folder or document) and
 * sent, with its progress from 0 to 1. Its malware check goes on after; rejects when refused.
 * Cancelled through `transfer`, the upload is dropped on the server too, and this rejects.
 */
export async function sendFile(file: File, target: UploadTarget, onProgress: (share: number) => void, transfer = new Transfer()): Promise<Started> {
  const checksum = await sha256Base64(file);
  await transfer.going();
  const started = await call('createDocumentUpload', { body: { name: file.name, size: file.size, checksum, ...target } });
  try {
    await transfer.going();
    if (started.upload.method === 'POST') await sendForm(started.upload, file, onProgress, transfer);
    else await sendParts(started, file, onProgress, transfer);
  } catch (error) {
    if (transfer.cancelled)
      await call('cancelDocumentUpload', { params: { documentId: started.document.documentId, versionNo: String(started.versionNo) } }).catch(() => undefined);
    throw error;
  }
  return started;
}

/** Whether an upload ended because the person cancelled it. */
export const wasCancelled = (error: unknown) => error instanceof Interrupted;

/** How long an upload is followed while its scan runs; after that the list shows it when ready. */
const FOLLOW_MS = 60_000;

/**
 * One file through the whole path: sent (sendFile), then followed until its malware check ends.
 * `say` turns a final status other than available into words.
 */
export async function uploadFile(
  file: File,
  target: UploadTarget,
  report: (change: UploadProgress) => void,
  say: { status: (status: DocumentView['status']) => string; stillChecking: string },
  transfer?: Transfer,
): Promise<void> {
  try {
    report({ state: 'sending' });
    const started = await sendFile(file, target, (progress) => report({ progress }), transfer);
    report({ state: 'checking', progress: 1 });
    const until = Date.now() + FOLLOW_MS;
    while (Date.now() < until) {
      // The version sent, not the document: a document keeps serving its earlier version meanwhile.
      const { versions } = await call('getDocument', { params: { documentId: started.document.documentId } });
      const status = versions.find((v) => v.versionNo === started.versionNo)?.status ?? 'uploading';
      if (status === 'available') return report({ state: 'done' });
      if (status !== 'uploading' && status !== 'scanning') return report({ state: 'failed', message: say.status(status) });
      await new Promise((r) => setTimeout(r, 1000));
    }
    report({ message: say.stillChecking });
  } catch (error) {
    if (wasCancelled(error)) return report({ state: 'cancelled' });
    report({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
