/** Sends email through the SES v2 API (locally: the stand-in that relays to the SMTP catcher). */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { config, mailConfig } from '../../shared/config.ts';
import { buildMime, type MimeMessage } from './mime.ts';
import { countUsage } from './usage.ts';
import { EmailSuppression } from '../../shared/db/entities/email-suppression.ts';
import { databaseOf } from '../../shared/db/service.ts';

let client: SESv2Client | undefined;

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
}

function ses(): SESv2Client {
  const { SES_ENDPOINT } = mailConfig();
  return (client ??= new SESv2Client({ region: config().AWS_REGION, ...(SES_ENDPOINT && { endpoint: SES_ENDPOINT }) }));
}

/** What a firm adds to every email it sends (its brand settings, as the tenant item holds them). */
export interface Brand {
  brandAccent?: string | undefined;
  emailFooter?: string | undefined;
}

/** The firm an email is from (the tenant item): its brand, whose usage the email counts in, and whether it may send at all. */
export interface Sender extends Brand {
  tenantId: string;
  status?: string | undefined;
}

const suppressions = databaseOf({ suppression: EmailSuppression });

/**
 * Nothing is sent for a suspended firm (its portal is closed, so its links would lead nowhere),
 * nor to an address that bounced for good or whose owner marked our email as spam (ADR 0036).
 */
async function suppressed(address: string, firm: Sender): Promise<boolean> {
  if (firm.status === 'suspended') {
    console.warn('email not sent: the firm is suspended');
    return true;
  }
  const { data } = await suppressions().entities.suppression.get({ address: address.toLowerCase() }).go();
  if (data) console.warn(`email not sent: the address is suppressed (${data.reason})`);
  return data !== null;
}

/** Counted once SES took it; a failed count never fails the sending (functions/lib/usage.ts). */
const counted = (firm: Sender) => countUsage(firm.tenantId, 'emails').catch((error: unknown) => console.warn('email not counted', error));

/** The firm's footer under the text and the HTML, and its accent colour (a checked #rrggbb) on the links. */
export function branded(email: Email, brand: Brand | undefined): Email {
  const footer = brand?.emailFooter;
  const accent = brand?.brandAccent && /^#[0-9a-f]{6}$/i.test(brand.brandAccent) ? brand.brandAccent : undefined;
  let html = email.html;
  if (accent) html = html.replace(/<body([^>]*)>/, `<head><style>a{color:${accent}}</style></head><body$1>`);
  if (footer)
    html = html.replace(
      '</body>',
      `<p style="margin-top:24px;border-top:1px solid #e2e8f0;padding-top:8px;color:#475569;font-size:12px;white-space:pre-line">${escapeHtml(footer)}</p></body>`,
    );
  return { ...email, html, text: footer ? `${email.text}\n\n--\n${footer}` : email.text };
}

/** An email with a calendar invite (inline and attached), sent as raw MIME, in the firm's brand. */
export async function sendEmailWithInvite(unbranded: Email, calendar: MimeMessage['calendar'], firm: Sender): Promise<void> {
  const { MAIL_FROM } = mailConfig();
  const email = branded(unbranded, firm);
  if (await suppressed(email.to, firm)) return;
  const raw = buildMime({ ...email, from: MAIL_FROM, calendar });
  await ses().send(
    new SendEmailCommand({ FromEmailAddress: MAIL_FROM, Destination: { ToAddresses: [email.to] }, Content: { Raw: { Data: Buffer.from(raw, 'utf8') } } }),
  );
  await counted(firm);
}

/** An email in the firm's brand. */
export async function sendEmail(unbranded: Email, firm: Sender): Promise<void> {
  const { MAIL_FROM } = mailConfig();
  const email = branded(unbranded, firm);
  if (await suppressed(email.to, firm)) return;
  await ses().send(
    new SendEmailCommand({
      FromEmailAddress: MAIL_FROM,
      Destination: { ToAddresses: [email.to] },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      },
    }),
  );
  await counted(firm);
}

/** Text for an HTML email body: the five characters HTML gives meaning to, escaped. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
