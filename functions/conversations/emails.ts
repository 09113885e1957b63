/**
 * The email for messages missed in a conversation (ADR 0033): who wrote what, newest last, and
 * one link that opens the conversation. In the reader's language.
 */
import { directionOf, type Locale } from '../../shared/domain/locales.ts';
import { escapeHtml, type Email } from '../lib/mailer.ts';

const TEXT = {
  en: {
    subject: '[{firm}] {count} new messages from {with}',
    subjectOne: '[{firm}] New message from {with}',
    greeting: 'Hello {name},',
    intro: 'While you were away, {with} wrote:',
    more: '…and {count} more.',
    open: 'Open the conversation',
    footer: 'You get this email when messages arrive while you are not in the portal; at most one every 10 minutes for a conversation.',
    footerVisitor:
      'You get this email because you wrote to {firm} from its website; at most one every 10 minutes. The link opens your conversation: keep it to yourself.',
  },
  ar: {
    subject: '[{firm}] {count} رسائل جديدة من {with}',
    subjectOne: '[{firm}] رسالة جديدة من {with}',
    greeting: 'مرحبًا {name}،',
    intro: 'أثناء غيابك كتب {with}:',
    more: '…و{count} أخرى.',
    open: 'افتح المحادثة',
    footer: 'تصلك هذه الرسالة حين تصل رسائل وأنت لست في البوابة؛ رسالة واحدة على الأكثر كل 10 دقائق لكل محادثة.',
    footerVisitor: 'تصلك هذه الرسالة لأنك راسلت {firm} من موقعه؛ رسالة واحدة على الأكثر كل 10 دقائق. الرابط يفتح محادثتك: لا تشاركه.',
  },
  hi: {
    subject: '[{firm}] {with} से {count} नए संदेश',
    subjectOne: '[{firm}] {with} से नया संदेश',
    greeting: 'नमस्ते {name},',
    intro: 'आपकी अनुपस्थिति में {with} ने लिखा:',
    more: '…और {count} और।',
    open: 'बातचीत खोलें',
    footer: 'यह ईमेल तब आता है जब आप पोर्टल में न हों और संदेश आएँ; एक बातचीत के लिए 10 मिनट में अधिकतम एक।',
    footerVisitor: 'यह ईमेल इसलिए आया क्योंकि आपने {firm} को उसकी वेबसाइट से लिखा; 10 मिनट में अधिकतम एक। लिंक आपकी बातचीत खोलता है: इसे किसी से साझा न करें।',
  },
} satisfies Record<Locale, Record<string, string>>;

/** The most messages an email quotes; the rest are counted. */
export const QUOTED = 5;

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

export function missedMessagesEmail(input: {
  locale: Locale;
  to: string;
  name: string;
  firm: string;
  /** Who the conversation is with, as the reader knows them: the firm for a client, the customer for staff. */
  with: string;
  messages: { senderName: string; body: string }[];
  link: string;
  /** A website visitor (a lead), who wrote from the firm's site and has no account. */
  visitor?: boolean;
}): Email {
  const t = TEXT[input.locale];
  const footer = fill(input.visitor ? t.footerVisitor : t.footer, { firm: input.firm });
  const quoted = input.messages.slice(-QUOTED);
  const values = { firm: input.firm, name: input.name, with: input.with, count: String(input.messages.length) };
  const rest = input.messages.length - quoted.length;
  const subject = fill(input.messages.length === 1 ? t.subjectOne : t.subject, values);
  const h = (s: string) => escapeHtml(s);
  const text = [
    fill(t.greeting, values),
    '',
    fill(t.intro, values),
    '',
    ...quoted.map((m) => `${m.senderName}: ${m.body}`),
    ...(rest > 0 ? [fill(t.more, { count: String(rest) })] : []),
    '',
    `${t.open}: ${input.link}`,
    '',
    footer,
  ].join('\n');
  const html = `<!doctype html><html lang="${input.locale}" dir="${directionOf(input.locale)}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a">
<p>${h(fill(t.greeting, values))}</p><p>${h(fill(t.intro, values))}</p>
${quoted.map((m) => `<p style="margin:8px 0"><strong>${h(m.senderName)}</strong><br>${h(m.body).replace(/\n/g, '<br>')}</p>`).join('')}
${rest > 0 ? `<p>${h(fill(t.more, { count: String(rest) }))}</p>` : ''}
<p><a href="${h(input.link)}" style="color:#1d5fd1">${h(t.open)}</a></p>
<p style="color:#475569;font-size:13px">${h(footer)}</p></body></html>`;
  return { to: input.to, subject, text, html };
}
