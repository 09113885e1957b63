/**
 * Searching a customer's documents in every folder: by the start of a name, by kind, by the
 * dates they were added, by a tag; what a contact may not see stays out of their results.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';
import { send, start, statusOf } from './test-uploads.ts';

const run = randomUUID().slice(0, 6);
let john: Signed;
let jane: Signed; // a client of another customer
let sarah: Signed;
let johnsCustomer: string;

const found = async (who: Signed, query: string) => {
  const res = await api(`/api/documents?limit=100&${query}`, { token: who.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as { name: string }[]).map((d) => d.name);
};
async function available(name: string, content: string, extra: Record<string, unknown> = {}) {
  const started = await start(john, name, Buffer.from(content), extra);
  await send(started.upload, Buffer.from(content));
  await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 15_000 }).toBe('available');
  return started.document.documentId;
}

beforeAll(async () => {
  [john, jane, sarah] = await Promise.all([signIn('john.doe@example.com'), signIn('jane.smith@example.com'), signIn('sarah@designpi.com')]);
  johnsCustomer = (await database().entities.user.get({ tenantId: 't-designpi', userId: john.userId }).go()).data!.customerId!;
});

describe('searching documents', () => {
  it('finds them in every folder by the start of their name, by kind and by date, and only those the reader may see', { timeout: 60_000 }, async () => {
    const folders = (await api(`/api/documents/folders?customerId=${johnsCustomer}`, { token: sarah.token })).body.items as {
      name: string;
      folderId: string;
    }[];
    const payroll = folders.find((f) => f.name === 'Payroll')!.folderId;
    const prefix = `Zeta${run}`;
    await available(`${prefix} payslip.txt`, 'payslip', { folderId: payroll });
    await available(`${prefix} ledger.csv`, 'a,b\n1,2\n');
    const secret = await available(`${prefix} private note.txt`, 'note');
    await api(`/api/documents/${secret}`, { method: 'PATCH', token: sarah.token, body: JSON.stringify({ accessLevel: 'internal' }) });

    expect((await found(sarah, `customerId=${johnsCustomer}&q=${prefix.toLowerCase()}`)).sort()).toEqual([
      `${prefix} ledger.csv`,
      `${prefix} payslip.txt`,
      `${prefix} private note.txt`,
    ]);
    // A contact: nothing internal.
    expect((await found(john, `q=${prefix}`)).sort()).toEqual([`${prefix} ledger.csv`, `${prefix} payslip.txt`]);
    expect(await found(john, `q=${prefix}&kind=spreadsheet`)).toEqual([`${prefix} ledger.csv`]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await found(john, `q=${prefix}&from=${today}&to=${today}`)).sort()).toEqual([`${prefix} ledger.csv`, `${prefix} payslip.txt`]);
    expect(await found(john, `q=${prefix}&to=2020-01-01`)).toEqual([]);
    // Another customer's contact finds none of them.
    expect(await found(jane, `q=${prefix}`)).toEqual([]);

    const bad = await api(`/api/documents?kind=movie&from=2026-13-01`, { token: john.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['query.from', 'query.kind']);
    const backwards = await api(`/api/documents?from=2026-02-01&to=2026-01-01`, { token: john.token });
    expect(backwards.body.error.details[0].field).toBe('query.to');
  });

  it(
    'finds them by a tag staff gave them, in any letter case, one Query of the tag a page, and only those the reader may see',
    { timeout: 60_000 },
    async () => {
      const tag = `Tax ${run}`;
      const tagged = (query: string) => `customerId=${johnsCustomer}&tag=${encodeURIComponent(query)}`;
      const patch = (who: Signed, documentId: string, body: unknown) =>
        api(`/api/documents/${documentId}`, { method: 'PATCH', token: who.token, body: JSON.stringify(body) });
      const [w2, receipt, workings] = await Promise.all([
        available(`W-2 ${run}.txt`, 'w2'),
        available(`Receipt ${run}.csv`, 'a,b\n1,2\n'),
        available(`Workings ${run}.txt`, 'workings'),
      ]);
      // Tidied, each once in any case: the first spelling stays.
      const saved = await patch(sarah, w2, { tags: [`  ${tag} `, 'W-2', tag.toUpperCase()] });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.tags).toEqual([tag, 'W-2']);
      expect((await patch(sarah, receipt, { tags: [tag.toLowerCase()] })).status).toBe(200);
      expect((await patch(sarah, workings, { tags: [tag], accessLevel: 'internal' })).status).toBe(200);

      expect((await found(sarah, tagged(tag.toLowerCase()))).sort()).toEqual([`Receipt ${run}.csv`, `W-2 ${run}.txt`, `Workings ${run}.txt`]);
      expect(await found(sarah, `${tagged(tag)}&kind=spreadsheet`)).toEqual([`Receipt ${run}.csv`]);
      expect(await found(sarah, `${tagged(tag)}&q=w-2`)).toEqual([`W-2 ${run}.txt`]);
      expect(await found(sarah, `${tagged(tag)}&to=2020-01-01`)).toEqual([]);
      // A contact: nothing internal; another customer's contact: none.
      expect((await found(john, `tag=${encodeURIComponent(tag)}`)).sort()).toEqual([`Receipt ${run}.csv`, `W-2 ${run}.txt`]);
      expect(await found(jane, `tag=${encodeURIComponent(tag)}`)).toEqual([]);

      // A tag taken away is no longer found; the tags are in the audit.
      expect((await patch(sarah, w2, { tags: ['W-2'] })).body.tags).toEqual(['W-2']);
      expect((await found(sarah, tagged(tag))).sort()).toEqual([`Receipt ${run}.csv`, `Workings ${run}.txt`]);
      const { data: audit } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'document', entityId: w2 }).go();
      expect(audit.flatMap((a) => a.changes ?? []).filter((c) => c.field === 'tags')).toContainEqual({ field: 'tags', from: [tag, 'W-2'], to: ['W-2'] });

      // Bad tags are named; a client may not tag.
      for (const [tags, field] of [
        [['a,b'], 'tags.0'],
        [['x'.repeat(41)], 'tags.0'],
        [['ok', ' '], 'tags.1'],
        [Array.from({ length: 21 }, (_, i) => `t${i}`), 'tags'],
      ] as const) {
        const res = await patch(sarah, receipt, { tags });
        expect(res.status).toBe(400);
        expect(res.body.error.details[0].field).toBe(field);
      }
      expect((await patch(john, receipt, { tags: ['mine'] })).status).toBe(403);
    },
  );
});
