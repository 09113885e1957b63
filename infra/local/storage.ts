/** s3rver (in-process S3 API) for uploads, plus maildev (SMTP catcher with a web inbox) as a child. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import S3rver from 's3rver';
import AWSAccount from 's3rver/lib/models/account.js';
import { LOCAL_AWS } from './dynamo.ts';
import { readyOrStopped, startChild, type Child } from './process.ts';

export const UPLOADS_BUCKET = 'portal-uploads';

export async function startS3(port: number, directory: string): Promise<{ server: S3rver; endpoint: string }> {
  mkdirSync(directory, { recursive: true });
  // The handlers sign with the stack's one local key pair (as for every other stand-in), so s3rver learns it too.
  AWSAccount.DUMMY_ACCOUNT.createKeyPair(LOCAL_AWS.credentials.accessKeyId, LOCAL_AWS.credentials.secretAccessKey);
  const server = new S3rver({ port, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: UPLOADS_BUCKET, configs: [] }] });
  await server.run();
  return { server, endpoint: `http://127.0.0.1:${port}` };
}

export async function startMail(smtpPort: number, webPort: number): Promise<{ child: Child; inboxUrl: string }> {
  // The package exports only its library entry, so its CLI is found by path.
  const bin = resolve(import.meta.dirname, '../../node_modules/maildev/dist/bin/maildev.js');
  const child = startChild('maildev', process.execPath, [
    bin,
    '--smtp',
    String(smtpPort),
    '--web',
    String(webPort),
    '--ip',
    '127.0.0.1',
    '--web-ip',
    '127.0.0.1',
    '--silent',
  ]);
  const inboxUrl = `http://127.0.0.1:${webPort}`;
  await readyOrStopped(child, async () => (await fetch(`${inboxUrl}/api/email`)).ok);
  return { child, inboxUrl };
}
