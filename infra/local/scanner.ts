/**
 * The local stand-in for GuardDuty Malware Protection for S3. Each object created in the
 * documents bucket is scanned by a real engine, Debian's ClamAV (`clamscan`), then tagged
 * `GuardDutyMalwareScanStatus` as GuardDuty tags it, and the result is put on the local bus
 * as GuardDuty's "Object Scan Result" event on the default bus. The signature database is
 * made at start-up: it holds the EICAR test signature (the real databases cannot be
 * downloaded here), which is enough to prove the whole path.
 *
 * It reads and tags objects with its own key pair, as GuardDuty uses its own role: the tag
 * gate (storage.ts) lets that key read what nobody else may read before the scan.
 *
 * It also answers GuardDuty's on-demand scan API (`SendObjectMalwareScan`, what the rescan job
 * calls) at its own endpoint: the object is scanned again, and its result put on the bus.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, GetObjectTaggingCommand, PutObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SCAN_RESULT_DETAIL_TYPE, SCAN_RESULT_SOURCE, SCAN_TAG, type ScanResult } from '../../shared/domain/documents/scans.ts';
import { LOCAL_AWS } from './dynamo.ts';

/** The key pair the scanner signs with (GuardDuty's role, locally). */
export const SCANNER_CREDENTIALS = { accessKeyId: 'LOCALGUARDDUTY', secretAccessKey: 'local-guardduty-malware-protection' };

/** The 68-byte EICAR test file, the one file every engine reports as a threat by agreement. */
export const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join('');

/** GuardDuty's event for one scanned object, as it puts it on the default bus. */
export function scanResultDetail(bucketName: string, objectKey: string, eTag: string, result: ScanResult, threats: string[] = []) {
  return {
    schemaVersion: '1.0',
    scanStatus: result === 'NO_THREATS_FOUND' || result === 'THREATS_FOUND' ? 'COMPLETED' : 'SKIPPED',
    resourceType: 'S3_OBJECT',
    s3ObjectDetails: { bucketName, objectKey, eTag, versionId: null, s3Throttled: false },
    scanResultDetails: { scanResultStatus: result, threats: threats.length ? threats.map((name) => ({ name })) : null },
  };
}

/** Installs Debian's clamav when the machine lacks it (it is a package of the machine, like Java for DynamoDB Local). */
export function ensureClamav(log: (line: string) => void): void {
  if (spawnSync('clamscan', ['--version']).status === 0) return;
  log('Installing Debian’s clamav, the local malware scanner (once)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'clamav'],
  ]) {
    const run = spawnSync('apt-get', args, { env, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed: install clamav (Debian) to run the local scanner`);
  }
}

/** clamscan's verdict on `content`: exit 0 clean, 1 a threat (named on its output), anything else a failed scan. */
function clamscan(database: string, content: Buffer): Promise<{ result: ScanResult; threats: string[] }> {
  return new Promise((resolve) => {
    const child = spawn('clamscan', ['--no-summary', '--stdout', '-d', database, '-']);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', () => resolve({ result: 'FAILED', threats: [] }));
    child.on('close', (code) => {
      if (code === 0) resolve({ result: 'NO_THREATS_FOUND', threats: [] });
      else if (code === 1) resolve({ result: 'THREATS_FOUND', threats: [...output.matchAll(/: (.+) FOUND$/gm)].map((m) => m[1]!) });
      else resolve({ result: 'FAILED', threats: [] });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(content);
  });
}

export interface Scanner {
  /** Scans one object now (what a created object triggers, and what an on-demand rescan asks). */
  scan(bucket: string, key: string): Promise<ScanResult>;
  /** Where the on-demand scan API listens (GuardDuty's endpoint, locally). */
  endpoint: string;
  close(): Promise<void>;
}

export async function startScanner(options: {
  port: number;
  protectedBucket: string;
  s3Endpoint: string;
  busEndpoint: string;
  dataDir: string;
  log: (line: string) => void;
}): Promise<Scanner> {
  const database = join(options.dataDir, 'clamav', 'portal-test.ndb');
  mkdirSync(join(options.dataDir, 'clamav'), { recursive: true });
  // A body signature (type 0: any file; offset *: anywhere) of the EICAR string, in hex.
  writeFileSync(database, `Portal.Test.EICAR:0:*:${Buffer.from(EICAR).toString('hex')}\n`);
  const s3 = new S3Client({ region: LOCAL_AWS.region, endpoint: options.s3Endpoint, forcePathStyle: true, credentials: SCANNER_CREDENTIALS });
  const bus = new EventBridgeClient({ region: LOCAL_AWS.region, endpoint: options.busEndpoint, credentials: LOCAL_AWS.credentials });

  async function scan(bucket: string, key: string): Promise<ScanResult> {
    let verdict: { result: ScanResult; threats: string[] };
    let eTag = '';
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      eTag = (object.ETag ?? '').replaceAll('"', '');
      verdict = await clamscan(database, Buffer.from(await object.Body!.transformToByteArray()));
    } catch (error) {
      options.log(`scanner: could not read ${key}: ${String(error)}`);
      verdict = { result: 'ACCESS_DENIED', threats: [] };
    }
    if (verdict.result !== 'ACCESS_DENIED') {
      // GuardDuty adds its tag beside the object's own (its retention), replacing only an earlier verdict.
      const { TagSet = [] } = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
      const tagged = [...TagSet.filter((tag) => tag.Key !== SCAN_TAG), { Key: SCAN_TAG, Value: verdict.result }];
      await s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: key, Tagging: { TagSet: tagged } }));
    }
    await bus.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: SCAN_RESULT_SOURCE,
            DetailType: SCAN_RESULT_DETAIL_TYPE,
            EventBusName: 'default',
            Detail: JSON.stringify(scanResultDetail(bucket, key, eTag, verdict.result, verdict.threats)),
          },
        ],
      }),
    );
    return verdict.result;
  }

  // SendObjectMalwareScan (REST JSON): 200 with an empty body once the scan is started, as GuardDuty answers.
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fail = (status: number, type: string, message: string) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type });
        res.end(JSON.stringify({ message, __type: type }));
      };
      if (req.method !== 'POST' || req.url !== '/object-malware-scan/send')
        return fail(404, 'ResourceNotFoundException', `Not served locally: ${req.method} ${req.url}`);
      let object: { bucket?: string; key?: string } | undefined;
      try {
        object = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { s3Object?: typeof object }).s3Object;
      } catch {
        return fail(400, 'BadRequestException', 'The body is not JSON.');
      }
      if (!object?.bucket || !object.key) return fail(400, 'BadRequestException', 's3Object needs a bucket and a key.');
      if (object.bucket !== options.protectedBucket) return fail(400, 'BadRequestException', `No malware protection plan covers ${object.bucket}.`);
      const { bucket, key } = object;
      res.writeHead(200).end();
      void scan(bucket, key).catch((error: unknown) => options.log(`scanner: ${key} was not scanned again: ${String(error)}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  return {
    scan,
    endpoint: `http://127.0.0.1:${options.port}`,
    close: () => new Promise((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}
