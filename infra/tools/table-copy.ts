/**
 * The table's contents to a file and back (docs/runbook.md, "Restoring the table"): after a
 * point-in-time restore into a new table, `export` reads the restored table and `import` puts
 * back what was lost, all of it or one firm's (`--firm`), into the live one. Import writes only
 * items that are missing unless told to `--overwrite`, and never outbox items: a restored event
 * put back would be announced (and emailed) a second time. Locally, where DynamoDB Local has no
 * point-in-time recovery, the same two steps rehearse it (infra/tools/table-copy.int.test.ts).
 *
 *   npm run table -- export --table <name> --out items.jsonl [--local [file]]
 *   npm run table -- import --in items.jsonl --table <name> [--firm t-acme] [--overwrite] [--local [file] --create]
 */
import { BatchWriteItemCommand, DynamoDBClient, ListTablesCommand, PutItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

type Item = Record<string, AttributeValue>;

const SEGMENTS = 4;
const CONCURRENCY = 10;

/** A firm's own items: its partition and those under it (`t#<firm>#…`); `t#acme` is not `t#acme-2`'s. */
export const isFirms = (item: Item, firmId: string) => {
  const pk = item.pk?.S ?? '';
  return pk === `t#${firmId}` || pk.startsWith(`t#${firmId}#`);
};
const isOutbox = (item: Item) => item.__edb_e__?.S === 'outbox';

/** Every item of the table, by a parallel Scan (a tool's job, never a request's), as one JSON line each. */
export async function exportTable(client: DynamoDBClient, table: string, out: string): Promise<number> {
  const file = createWriteStream(out);
  const counts = await Promise.all(
    Array.from({ length: SEGMENTS }, async (_, segment) => {
      let count = 0;
      let start: Item | undefined;
      do {
        const page = await client.send(
          new ScanCommand({ TableName: table, Segment: segment, TotalSegments: SEGMENTS, ExclusiveStartKey: start, ConsistentRead: true }),
        );
        for (const item of page.Items ?? []) file.write(`${JSON.stringify(item)}\n`);
        count += page.Count ?? 0;
        start = page.LastEvaluatedKey;
      } while (start);
      return count;
    }),
  );
  await new Promise<void>((done, fail) => file.end((error?: Error | null) => (error ? fail(error) : done())));
  return counts.reduce((a, b) => a + b, 0);
}

/** Puts a file's items into a table: only the missing ones unless `overwrite`, only a firm's if named, never outbox items. */
export async function importTable(
  client: DynamoDBClient,
  table: string,
  from: string,
  options: { firmId?: string | undefined; overwrite?: boolean | undefined; emptyTable?: boolean | undefined } = {},
): Promise<{ written: number; kept: number; skipped: number }> {
  const result = { written: 0, kept: 0, skipped: 0 };
  const pending: Item[] = [];
  const flush = async () => {
    const batch = pending.splice(0);
    // Into a table just made, every item is missing: written in batches, without a condition each.
    if (options.overwrite || options.emptyTable) {
      for (let i = 0; i < batch.length; i += 25) await writeAll(client, table, batch.slice(i, i + 25));
      result.written += batch.length;
      return;
    }
    for (let i = 0; i < batch.length; i += CONCURRENCY)
      await Promise.all(
        batch.slice(i, i + CONCURRENCY).map(async (Item) => {
          const put = new PutItemCommand({ TableName: table, Item, ConditionExpression: 'attribute_not_exists(pk)' });
          const written = await client.send(put).then(
            () => true,
            (error: unknown) => {
              if ((error as Error).name === 'ConditionalCheckFailedException') return false;
              throw error;
            },
          );
          result[written ? 'written' : 'kept']++;
        }),
      );
  };
  for await (const line of createInterface({ input: createReadStream(from), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as Item;
    if (isOutbox(item) || (options.firmId && !isFirms(item, options.firmId))) {
      result.skipped++;
      continue;
    }
    pending.push(item);
    if (pending.length >= 500) await flush();
  }
  await flush();
  return result;
}

/** One BatchWrite, with what DynamoDB leaves unprocessed sent again. */
async function writeAll(client: DynamoDBClient, table: string, items: Item[]): Promise<void> {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length; attempt++) {
    if (attempt >= 8) throw new Error(`${requests.length} items were left unprocessed eight times`);
    if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    const { UnprocessedItems } = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
    requests = (UnprocessedItems?.[table] ?? []) as typeof requests;
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values: o } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      table: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      firm: { type: 'string' },
      overwrite: { type: 'boolean', default: false },
      local: { type: 'string' },
      create: { type: 'boolean', default: false },
    },
  });
  const [command] = positionals;
  if (!o.table || (command === 'export' ? !o.out : command === 'import' ? !o.in : true)) {
    console.error(
      'Usage:\n  npm run table -- export --table <name> --out <file> [--local [file]]\n  npm run table -- import --in <file> --table <name> [--firm <id>] [--overwrite] [--local [file] --create]',
    );
    return 2;
  }
  let client = new DynamoDBClient({ region: 'us-east-1' });
  let created = false;
  if (o.local !== undefined) {
    const { env } = JSON.parse(readFileSync(o.local || join(resolve(import.meta.dirname, '../..'), '.local', 'stack.json'), 'utf8')) as {
      env: Record<string, string>;
    };
    const { LOCAL_AWS, ensureTable } = await import('../local/dynamo.ts');
    client = new DynamoDBClient({ ...LOCAL_AWS, endpoint: env.DYNAMODB_ENDPOINT });
    if (o.create) {
      const { TableNames = [] } = await client.send(new ListTablesCommand({}));
      if (TableNames.includes(o.table)) throw new Error(`${o.table} exists already: --create makes a new table.`);
      await ensureTable(env.DYNAMODB_ENDPOINT!, o.table);
      created = true;
    }
  }
  if (command === 'export') console.log(`${await exportTable(client, o.table, o.out!)} items of ${o.table} written to ${o.out}`);
  else {
    const { written, kept, skipped } = await importTable(client, o.table, o.in!, { firmId: o.firm, overwrite: o.overwrite, emptyTable: created });
    console.log(`${written} items put into ${o.table}; ${kept} there already kept as they are; ${skipped} skipped (outbox${o.firm ? ', other firms' : ''})`);
  }
  client.destroy();
  return 0;
}

if (import.meta.main)
  process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  });
