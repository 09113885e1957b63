/** Sends email through the SES v2 API (locally: the stand-in that relays to the SMTP catcher). */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { config, mailConfig } from '../../shared/config.ts';
import { buildMime, type MimeMessage } from './mime.ts';

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

/** An email with a calendar invite (inline and attached), sent as raw MIME. */
export async function sendEmailWithInvite(email: Email, calendar: MimeMessage['calendar']): Promise<void> {
  const { MAIL_FROM } = mailConfig();
  const raw = buildMime({ ...email, from: MAIL_FROM, calendar });
  await ses().send(
    new SendEmailCommand({ FromEmailAddress: MAIL_FROM, Destination: { ToAddresses: [email.to] }, Content: { Raw: { Data: Buffer.from(raw, 'utf8') } } }),
  );
}

export async function sendEmail(email: Email): Promise<void> {
  const { MAIL_FROM } = mailConfig();
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
}

/** Text for an HTML email body: the five characters HTML gives meaning to, escaped. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
