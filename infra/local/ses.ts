/**
 * The local stand-in for SES v2: answers `SendEmail` (the call the notifier makes in AWS) and
 * relays the message over SMTP to the mail catcher, so every email is really sent and can be
 * read in the inbox. Simple and raw (MIME) content are both supported.
 */
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';

interface SendEmailRequest {
  FromEmailAddress: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  ReplyToAddresses?: string[];
  Content: {
    Simple?: { Subject: { Data: string }; Body: { Text?: { Data: string }; Html?: { Data: string } }; Headers?: { Name: string; Value: string }[] };
    Raw?: { Data: string };
  };
}

export function startSes(port: number, smtpUrl: string): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const smtp = createTransport(smtpUrl);
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
        reply(200, { MessageId: randomUUID() });
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
