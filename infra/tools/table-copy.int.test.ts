/**
 * The restore of docs/runbook.md rehearsed on the local stack, as far as DynamoDB Local allows
 * (it has no point-in-time recovery): a firm exported and imported into a new table is the same
 * firm; a firm's lost items come back from an export into the live table, and nothing
 * else does: not other firms', not what changed since, not outbox events.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { localTool } from '../local/test-tool.ts';
import { isFirms } from './table-copy.ts';
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

const { counter } = database().entities;
const lost = { tenantId: 't-northwind', name: `rehearsal-lost-${RUN}` };
const changed = { tenantId: 't-northwind', name: `rehearsal-changed-${RUN}` };
const other = { tenantId: 't-designpi', name: `rehearsal-other-${RUN}` };
const backup = join(dir, 'backup.jsonl');

// One export of the live table (the shared stack holds every test's data by now), as after a restore.
beforeAll(async () => {
  for (const key of [lost, changed, other]) await counter.create({ ...key, value: 7 }).go();
  const exported = await table('export', '--table', process.env.TABLE_NAME!, '--out', backup);
  expect(exported).toMatchObject({ code: 0, out: expect.stringMatching(/^\d+ items of .* written to /) });
}, 180_000);

it('copies a firm into a new table, item for item (outbox events left behind)', { timeout: 180_000 }, async () => {
  const copy = join(dir, 'copy.jsonl');
  const restored = `portal-rehearsal-${RUN}`;
  expect((await table('import', '--in', backup, '--table', restored, '--create', '--firm', 't-northwind')).code).toBe(0);
  expect((await table('export', '--table', restored, '--out', copy)).code).toBe(0);
  const northwind = items(backup).filter((item) => isFirms(item as never, 't-northwind') && item.__edb_e__?.S !== 'outbox');
  expect(texts(items(copy))).toEqual(texts(northwind));
  // The seed alone is many items of the firm: the firm, its people, services, customers, conversations.
  expect(northwind.length).toBeGreaterThan(10);
  expect((await table('import', '--in', backup, '--table', restored, '--create')).err).toContain('exists already');
});

it('puts back one firm’s lost items into the live table, leaving what changed since and everyone else’s as they are', { timeout: 180_000 }, async () => {
  // The mistake: one of the firm's items gone, one changed; another firm's gone too.
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
