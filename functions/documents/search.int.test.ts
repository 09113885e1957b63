/**
 * Searching a customer's documents in every folder: by the start of a name, by kind, by the
 * dates they were added; what a contact may not see stays out of their results.
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
  [john, jane, sarah] = await Promise.all([signIn('john@example.com'), signIn('jane@example.com'), signIn('sarah@designpi.com')]);
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
});
