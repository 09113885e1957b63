/** Sending a file straight to storage with the presigned form the API gave (ADR 0029). */

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
