/**
 * The local stand-in for SES v2: answers `SendEmail` (the call the notifier makes in AWS) and
 * relays the message over SMTP to the mail catcher, so every email is really sent and can be
 * read in the inbox. Simple and raw (MIME) content are both supported. Like SES's mailbox
 * simulator, mail to `bounce@simulator.amazonses.com` bounces for good and mail to
 * `complaint@simulator.amazonses.com` is complained about (each also with a `+label`): SES's
 * events for them go to the default bus, as the portal's configuration set has them sent.
 */
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SES_SOURCE } from '../../shared/domain/notifications/email-feedback.ts';
import { LOCAL_AWS } from './dynamo.ts';

interface SendEmailRequest {
  FromEmailAddress: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  ReplyToAddresses?: string[];
  Content: {
    Simple?: { Subject: { Data: string }; Body: { Text?: { Data: string }; Html?: { Data: string } }; Headers?: { Name: string; Value: string }[] };
    Raw?: { Data: string };
  };
}

const SIMULATED = /^(bounce|complaint)(\+[^@]*)?@simulator\.amazonses\.com$/i;

/** SES's EventBridge event for a simulator address, in the shape SES sends (the parts a reader may use). */
function feedbackEntry(address: string, messageId: string) {
  const kind = SIMULATED.exec(address)?.[1]?.toLowerCase();
  if (!kind) return undefined;
  const timestamp = new Date().toISOString();
  const mail = { timestamp, messageId, destination: [address] };
  const detail =
    kind === 'bounce'
      ? {
          eventType: 'Bounce',
          mail,
          bounce: {
            bounceType: 'Permanent',
            bounceSubType: 'General',
            timestamp,
            bouncedRecipients: [{ emailAddress: address, diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
          },
        }
      : { eventType: 'Complaint', mail, complaint: { timestamp, complaintFeedbackType: 'abuse', complainedRecipients: [{ emailAddress: address }] } };
  return {
    Source: SES_SOURCE,
    DetailType: kind === 'bounce' ? 'Email Bounced' : 'Email Complaint Received',
    EventBusName: 'default',
    Detail: JSON.stringify(detail),
  };
}

export function startSes(port: number, smtpUrl: string, busEndpoint: string): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const smtp = createTransport(smtpUrl);
  const bus = new EventBridgeClient({ region: LOCAL_AWS.region, endpoint: busEndpoint, credentials: LOCAL_AWS.credentials });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      // The account's sending status is whether the relay to the mail catcher works right now.
      if (req.method === 'GET' && req.url === '/v2/email/account') {
        const sending = await smtp.verify().then(
          () => true,
          () => false,
        );
        return reply(200, {
          SendingEnabled: sending,
          ProductionAccessEnabled: false,
          EnforcementStatus: 'HEALTHY',
          SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 },
        });
      }
      if (req.method !== 'POST' || req.url !== '/v2/email/outbound-emails') return reply(404, { message: `Not served locally: ${req.method} ${req.url}` });
      try {
        const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SendEmailRequest;
        const { Destination: to = {}, Content: content } = request;
        const envelope = { from: request.FromEmailAddress, to: to.ToAddresses, cc: to.CcAddresses, bcc: to.BccAddresses, replyTo: request.ReplyToAddresses };
        if (content.Raw) {
          await smtp.sendMail({
            envelope: { from: request.FromEmailAddress, to: [...(to.ToAddresses ?? []), ...(to.CcAddresses ?? []), ...(to.BccAddresses ?? [])] },
            raw: Buffer.from(content.Raw.Data, 'base64'),
          });
        } else if (content.Simple) {
          const simple = content.Simple;
          await smtp.sendMail({
            ...envelope,
            subject: simple.Subject.Data,
            text: simple.Body.Text?.Data,
            html: simple.Body.Html?.Data,
            headers: Object.fromEntries((simple.Headers ?? []).map((h) => [h.Name, h.Value])),
          });
        } else {
          return reply(400, { message: 'Content must be Simple or Raw' });
        }
        const messageId = randomUUID();
        reply(200, { MessageId: messageId });
        // As SES does, a while after accepting it: the bounce or complaint of a simulator address.
        const feedback = [...(to.ToAddresses ?? []), ...(to.CcAddresses ?? [])].map((a) => feedbackEntry(a, messageId)).filter((e) => e !== undefined);
        if (feedback.length)
          void bus.send(new PutEventsCommand({ Entries: feedback })).catch((error: unknown) => console.error('ses: feedback not sent', error));
      } catch (error) {
        reply(500, { message: String(error) });
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ endpoint: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) }));
  });
}
