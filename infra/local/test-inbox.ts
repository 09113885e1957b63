/** Reads the local mail catcher's inbox (maildev's REST API), as a person reads their email. */
import { inject } from 'vitest';

export interface InboxEmail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
  date: string;
  attachments?: { filename: string; generatedFileName: string; contentType: string }[];
}

/** An attachment's text, as a mail client would save it. */
export async function attachmentOf(email: InboxEmail, fileName: string): Promise<string> {
  const stored = email.attachments?.find((a) => a.filename === fileName)?.generatedFileName ?? fileName;
  const res = await fetch(`${inject('inboxUrl')}/api/email/${email.id}/attachment/${encodeURIComponent(stored)}`);
  if (!res.ok) throw new Error(`no attachment ${fileName} in "${email.subject}": ${res.status}`);
  return res.text();
}

/** The raw message as sent (headers and MIME parts). */
export async function sourceOf(email: InboxEmail): Promise<string> {
  return (await fetch(`${inject('inboxUrl')}/api/email/${email.id}/source`)).text();
}

export async function emailsTo(address: string): Promise<InboxEmail[]> {
  const res = await fetch(`${inject('inboxUrl')}/api/email`);
  const all = (await res.json()) as InboxEmail[];
  return all.filter((e) => e.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}

/** Waits (polling, with a deadline) until `address` has more than `seen` emails; returns the newest. */
export async function nextEmailTo(address: string, seen = 0, timeoutMs = 10_000): Promise<InboxEmail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const emails = await emailsTo(address);
    if (emails.length > seen) return emails[emails.length - 1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no email to ${address} within ${timeoutMs} ms`);
}

/** The first link in an email's text that points at `path`. */
export function linkIn(email: InboxEmail, path: string): string {
  const match = email.text.match(new RegExp(`https?://\\S+${path.replace(/[/?]/g, '\\$&')}\\S*`));
  if (!match) throw new Error(`no ${path} link in "${email.subject}"`);
  return match[0];
}

/**
 * Waits until `address` has an email, after the first `seen`, whose subject is or matches
 * `subject`; returns the newest such. For seeded people, who also get notification emails.
 */
export async function emailTo(address: string, subject: string | RegExp, seen = 0, timeoutMs = 10_000): Promise<InboxEmail> {
  const matches = (e: InboxEmail) => (typeof subject === 'string' ? e.subject === subject : subject.test(e.subject));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await emailsTo(address)).slice(seen).filter(matches);
    if (found.length) return found[found.length - 1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no email "${String(subject)}" to ${address} within ${timeoutMs} ms`);
}
