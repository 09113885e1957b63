/** Sending a file straight to storage with the presigned form the API gave (ADR 0029). */
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
export function sendForm(upload: { url: string; fields: Record<string, string> }, file: Blob, onProgress: (share: number) => void): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.upload.addEventListener('progress', (e) => e.lengthComputable && onProgress(e.loaded / e.total));
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      reject(new Error(/<Code>([^<]+)<\/Code>/.exec(xhr.responseText)?.[1] ?? `HTTP ${xhr.status}`));
    });
    xhr.addEventListener('error', () => reject(new Error('network')));
    xhr.open('POST', upload.url);
    xhr.send(form);
  });
}

export type UploadState = 'preparing' | 'sending' | 'checking' | 'done' | 'failed';
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
 */
export async function sendFile(file: File, target: UploadTarget, onProgress: (share: number) => void): Promise<ResponseOf<'createDocumentUpload'>> {
  const checksum = await sha256Base64(file);
  const started = await call('createDocumentUpload', { body: { name: file.name, size: file.size, checksum, ...target } });
  await sendForm(started.upload, file, onProgress);
  return started;
}

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
): Promise<void> {
  try {
    report({ state: 'sending' });
    const started = await sendFile(file, target, (progress) => report({ progress }));
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
    report({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
