/**
 * A MIME message for SES's raw send: text and HTML alternatives, optionally an inline
 * calendar part (`text/calendar; method=…`, which Outlook and Gmail show as an invite with
 * buttons) and the same invite as an `invite.ics` attachment (which Apple Mail imports).
 * Every part is base64, so any language and any line length travels unchanged.
 */
import { randomBytes } from 'node:crypto';

export interface MimeMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string } | undefined;
}

const wrap = (base64: string) => base64.replace(/.{1,76}/g, '$&\r\n').trimEnd();
const base64Of = (s: string) => wrap(Buffer.from(s, 'utf8').toString('base64'));
/** RFC 2047 for a header that is not plain ASCII. */
const header = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`);

function part(contentType: string, body: string, extra: string[] = []): string {
  return [`Content-Type: ${contentType}`, 'Content-Transfer-Encoding: base64', ...extra, '', base64Of(body)].join('\r\n');
}

function multipart(kind: 'mixed' | 'alternative', parts: string[]): string {
  const boundary = `=_${kind}_${randomBytes(12).toString('hex')}`;
  return [`Content-Type: multipart/${kind}; boundary="${boundary}"`, '', ...parts.flatMap((p) => [`--${boundary}`, p]), `--${boundary}--`, ''].join('\r\n');
}

export function buildMime(m: MimeMessage): string {
  const alternatives = [part('text/plain; charset=UTF-8', m.text), part('text/html; charset=UTF-8', m.html)];
  if (m.calendar) alternatives.push(part(`text/calendar; charset=UTF-8; method=${m.calendar.method}`, m.calendar.content));
  const body = m.calendar
    ? multipart('mixed', [
        multipart('alternative', alternatives),
        part('application/ics; name="invite.ics"', m.calendar.content, ['Content-Disposition: attachment; filename="invite.ics"']),
      ])
    : multipart('alternative', alternatives);
  const headers = [`From: ${m.from}`, `To: ${m.to}`, `Subject: ${header(m.subject)}`, `Date: ${new Date().toUTCString()}`, 'MIME-Version: 1.0'];
  return `${headers.join('\r\n')}\r\n${body}`;
}
