/** Sends email through the SES v2 API (locally: the stand-in that relays to the SMTP catcher). */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { config, mailConfig } from '../../shared/config.ts';

let client: SESv2Client | undefined;

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export async function sendEmail(email: Email): Promise<void> {
  const { MAIL_FROM, SES_ENDPOINT } = mailConfig();
  client ??= new SESv2Client({ region: config().AWS_REGION, ...(SES_ENDPOINT && { endpoint: SES_ENDPOINT }) });
  await client.send(
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
