/**
 * `npm run firm-import`: a firm's export (Settings → Your firm's data) into a fresh firm on a
 * stage, to move a firm between stages (ADR 0038). Every record is put for the new firm (its id,
 * its files' keys and its address rewritten; the table's keys made anew by each entity) and
 * every file put under the new firm's folder, where the stage scans it as any upload. The
 * address must be free: a firm is never imported over another. Its people's sign-in identities
 * were the old stage's: each is given one here, as the same person, and joins again through an
 * invitation (functions/platform/imported-people.ts), the admins' emailed at once.
 *
 *   npm run firm-import -- --from firm-export.zip --slug acme --stage dev
 *   npm run firm-import -- --from firm-export.zip --slug acme --local [file]
 */
import { BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { marshall } from '@aws-sdk/util-dynamodb';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NOT_FIRM_DATA, recordFor, type FirmRecord } from '../../shared/domain/platform/firm-data.ts';
import type { ChangeContext } from '../../shared/db/mutation.ts';
import { PLATFORM_TENANT_ID, firmIdOf, slugProblem } from '../../shared/domain/platform/firms.ts';
import { localEnvironment, stageEnvironment } from './stage-env.ts';
import { readZip } from './zip-reader.ts';

const USAGE = `Usage:
  npm run firm-import -- --from <export.zip> --slug <address> --stage <dev|prod>
  npm run firm-import -- --from <export.zip> --slug <address> --local [file]`;

/** Puts at once, as DynamoDB's batch write takes them. */
const BATCH = 25;

export async function importFirm(archive: Map<string, Buffer>, slug: string, ctx: ChangeContext) {
  // Loaded once the stage's environment is set, which they read.
  const { ALL_ENTITIES, database } = await import('../../shared/db/all-entities.ts');
  const { inviteImportedPeople } = await import('../../functions/platform/imported-people.ts');
  const lines = archive.get('records.jsonl')?.toString('utf8');
  if (lines === undefined) throw new Error('This is not a firm’s export: it has no records.jsonl.');
  const records = lines
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FirmRecord);
  const from = records.find((r) => r.kind === 'tenant')?.item.tenantId;
  if (typeof from !== 'string') throw new Error('This export has no firm record: it cannot be imported.');
  const to = { tenantId: firmIdOf(slug), slug };

  const entities = new Map(Object.values(ALL_ENTITIES).map((e) => [e.schema.model.entity, e]));
  const unknown = [...new Set(records.map((r) => r.kind))].filter((kind) => !entities.has(kind));
  if (unknown.length) throw new Error(`This export holds records this release does not know (${unknown.join(', ')}): import it with the release that made it.`);

  // The address is claimed first, only if free: a firm is never imported over another.
  const db = database();
  if ((await db.entities.tenant.get({ tenantId: to.tenantId }).go()).data) throw new Error(`${slug} is already a firm’s address: choose another.`);
  await db.entities.slugClaim
    .create({ slug, tenantId: to.tenantId })
    .go()
    .catch(() => {
      throw new Error(`${slug} was a firm’s address: addresses are never used again, choose another.`);
    });

  const wanted = records.filter((r) => !NOT_FIRM_DATA.has(r.kind)).map((r) => recordFor(r, from, to));
  const items = wanted.map((r) => {
    // Each entity makes the item's keys for the new firm.
    const { Item } = (entities.get(r.kind) as typeof ALL_ENTITIES.tenant).put(r.item as never).params() as { Item: Record<string, unknown> };
    // ElectroDB stamps some attributes as it writes (updatedAt): an import keeps what was exported.
    for (const [name, value] of Object.entries(r.item)) if (['string', 'number', 'boolean'].includes(typeof value)) Item[name] = value;
    return marshall(Item, { removeUndefinedValues: true });
  });
  const dynamo = new DynamoDBClient({ region: process.env.AWS_REGION, ...(process.env.DYNAMODB_ENDPOINT && { endpoint: process.env.DYNAMODB_ENDPOINT }) });
  for (let i = 0; i < items.length; i += BATCH) {
    let writes = items.slice(i, i + BATCH).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; writes.length; attempt++) {
      if (attempt > 5) throw new Error(`${writes.length} records were not written: run the import again into a new address.`);
      const { UnprocessedItems } = await dynamo.send(new BatchWriteItemCommand({ RequestItems: { [process.env.TABLE_NAME!]: writes } }));
      writes = (UnprocessedItems?.[process.env.TABLE_NAME!] ?? []) as typeof writes;
      if (writes.length) await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  }

  const s3 = new S3Client({ region: process.env.AWS_REGION, ...(process.env.S3_ENDPOINT && { endpoint: process.env.S3_ENDPOINT, forcePathStyle: true }) });
  const files = [...archive].filter(([name]) => name.startsWith('files/'));
  for (const [name, body] of files)
    await s3.send(new PutObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET, Key: `t/${to.tenantId}/${name.slice('files/'.length)}`, Body: body }));
  const firm = { tenantId: to.tenantId, records: wanted.length, files: files.length };
  const people = wanted.filter((r) => r.kind === 'user').map((r) => r.item as Parameters<typeof inviteImportedPeople>[1][number]);
  return { ...firm, people: await inviteImportedPeople(firm, people, ctx) };
}

export async function main(argv: string[]): Promise<number> {
  const { values: o } = parseArgs({
    args: argv,
    options: { from: { type: 'string' }, slug: { type: 'string' }, stage: { type: 'string' }, local: { type: 'string' } },
  });
  if (!o.from || !o.slug || !(o.stage || o.local !== undefined)) {
    console.error(USAGE);
    return 2;
  }
  const problem = slugProblem(o.slug);
  if (problem) {
    console.error(`--slug: ${problem}`);
    return 2;
  }
  const archive = readZip(readFileSync(o.from));
  Object.assign(
    process.env,
    o.stage ? await stageEnvironment(o.stage) : localEnvironment(o.local || join(resolve(import.meta.dirname, '../..'), '.local', 'stack.json')),
  );
  const ctx = { tenantId: PLATFORM_TENANT_ID, actorId: 'firm-import', actorName: `npm run firm-import (${userInfo().username})`, actorRole: 'SUPER_ADMIN' };
  const done = await importFirm(archive, o.slug, ctx);
  const { emailed, unsent, elsewhere } = done.people;
  console.log(
    [
      `Imported ${done.records} records and ${done.files} files into ${done.tenantId}.`,
      `Invitations emailed to its admins: ${emailed.join(', ') || 'none'}.`,
      unsent.length && `${unsent.length} more invitations wait for its admins to send them from People (Invitations).`,
      elsewhere.length && `These addresses sign in with another firm on this stage and cannot join it: ${elsewhere.join(', ')}.`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return 0;
}

if (import.meta.main)
  process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  });
