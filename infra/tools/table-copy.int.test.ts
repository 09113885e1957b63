/**
 * The restore of docs/runbook.md rehearsed on the local stack, as far as DynamoDB Local allows
 * (it has no point-in-time recovery): the table exported and imported into a new table is the
 * same table; a firm's lost items come back from an export into the live table, and nothing
 * else does: not other firms', not what changed since, not outbox events.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { localTool } from '../local/test-tool.ts';
import { database } from '../../shared/db/all-entities.ts';

const RUN = Date.now().toString(36);
const { run: table, dir } = localTool('infra/tools/table-copy.ts');
/** An item as text whatever order its attributes came in (two tables need not give them alike). */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
const items = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { __edb_e__?: { S?: string } });
const texts = (list: object[]) => list.map((item) => JSON.stringify(canonical(item))).sort();

it('copies the table into a new one, item for item (outbox events left behind)', { timeout: 120_000 }, async () => {
  const live = join(dir, 'live.jsonl');
  const copy = join(dir, 'copy.jsonl');
  const restored = `portal-rehearsal-${RUN}`;
  const exported = await table('export', '--table', process.env.TABLE_NAME!, '--out', live);
  expect(exported).toMatchObject({ code: 0, out: expect.stringMatching(/^\d+ items of .* written to /) });
  expect((await table('import', '--in', live, '--table', restored, '--create')).code).toBe(0);
  expect((await table('export', '--table', restored, '--out', copy)).code).toBe(0);
  expect(texts(items(copy))).toEqual(texts(items(live).filter((item) => item.__edb_e__?.S !== 'outbox')));
  // The seed alone is dozens of items: firms, people, services, customers, conversations.
  expect(items(copy).length).toBeGreaterThan(50);
});

it('puts back one firm’s lost items into the live table, leaving what changed since and everyone else’s as they are', { timeout: 120_000 }, async () => {
  const { counter } = database().entities;
  const lost = { tenantId: 't-northwind', name: `rehearsal-lost-${RUN}` };
  const changed = { tenantId: 't-northwind', name: `rehearsal-changed-${RUN}` };
  const other = { tenantId: 't-designpi', name: `rehearsal-other-${RUN}` };
  for (const key of [lost, changed, other]) await counter.create({ ...key, value: 7 }).go();
  const backup = join(dir, 'backup.jsonl');
  expect((await table('export', '--table', process.env.TABLE_NAME!, '--out', backup)).code).toBe(0);

  // The mistake: two of the firm's items gone, one changed; another firm's gone too.
  await counter.delete(lost).go();
  await counter.update(changed).set({ value: 8 }).go();
  await counter.delete(other).go();

  const restored = await table('import', '--in', backup, '--table', process.env.TABLE_NAME!, '--firm', 't-northwind');
  expect(restored.code).toBe(0);
  expect(restored.out).toMatch(/^[1-9]\d* items put into .*; \d+ there already kept as they are; \d+ skipped \(outbox, other firms\)/);
  expect((await counter.get(lost).go()).data?.value).toBe(7);
  expect((await counter.get(changed).go()).data?.value).toBe(8);
  expect((await counter.get(other).go()).data).toBeNull();
});

it('says how to use it when asked wrongly', async () => {
  expect((await table('export', '--table', 'x')).code).toBe(2);
  expect((await table('restore')).code).toBe(2);
});
