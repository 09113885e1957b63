/**
 * The local stand-in for the dead-letter queues (SQS, JSON protocol as the v3 SDK speaks it):
 * `SendMessage` keeps a message, `GetQueueAttributes` reports the depth the health page and the
 * alarms read, `ReceiveMessage`/`PurgeQueue` let a person look and clear. In memory: dead
 * letters of a local run are for that run.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { DEAD_LETTER_QUEUES } from '../../shared/events/rules.ts';

const ACCOUNT = '000000000000';

export interface LocalQueues {
  endpoint: string;
  /** Queue URL by dead-letter queue name (shared/events/rules.ts). */
  urls: Record<string, string>;
  /** How the other local stand-ins (bus, stream poller, scheduler) dead-letter what failed. */
  deadLetter: (queue: string, body: unknown) => void;
  close: () => Promise<void>;
}

export function startQueues(port: number): Promise<LocalQueues> {
  const endpoint = `http://127.0.0.1:${port}`;
  const queues = new Map<string, { id: string; body: string }[]>(DEAD_LETTER_QUEUES.map((name) => [`${endpoint}/${ACCOUNT}/${name}`, []]));

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(body));
      };
      const action = String(req.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { QueueUrl?: string; MessageBody?: string; MaxNumberOfMessages?: number };
      const messages = queues.get(input.QueueUrl ?? '');
      if (!messages) return reply(400, { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: `No queue ${String(input.QueueUrl)}` });
      switch (action) {
        case 'SendMessage': {
          const body = input.MessageBody ?? '';
          const id = randomUUID();
          messages.push({ id, body });
          return reply(200, { MessageId: id, MD5OfMessageBody: createHash('md5').update(body).digest('hex') });
        }
        case 'GetQueueAttributes':
          return reply(200, { Attributes: { ApproximateNumberOfMessages: String(messages.length) } });
        case 'ReceiveMessage':
          return reply(200, {
            Messages: messages
              .slice(0, input.MaxNumberOfMessages ?? 1)
              .map((m) => ({ MessageId: m.id, ReceiptHandle: m.id, Body: m.body, MD5OfBody: createHash('md5').update(m.body).digest('hex') })),
          });
        case 'PurgeQueue':
          messages.length = 0;
          return reply(200, {});
        default:
          return reply(400, { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: `Not served locally: ${action}` });
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        endpoint,
        urls: Object.fromEntries(DEAD_LETTER_QUEUES.map((n) => [n, `${endpoint}/${ACCOUNT}/${n}`])),
        deadLetter: (queue, body) => queues.get(`${endpoint}/${ACCOUNT}/${queue}`)?.push({ id: randomUUID(), body: JSON.stringify(body) }),
        close: () => new Promise((r) => server.close(() => r())),
      }),
    );
  });
}
