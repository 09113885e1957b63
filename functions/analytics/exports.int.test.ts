import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { REQUEST_COLUMNS } from '../../shared/domain/requests/csv.ts';

let john: Signed;
let diana: Signed;
let otherAdmin: Signed;

const post = (who: Signed, path: string, body: unknown) => api(path, { method: 'POST', token: who.token, body: JSON.stringify(body) });

beforeAll(async () => {
  [john, diana, otherAdmin] = await Promise.all([signIn('john.doe@example.com'), signIn('hello@designpi.com'), signIn('admin@northwind.example')]);
});

describe('exporting requests as CSV', () => {
  it('builds the filtered rows in the background and offers its requester a download link', async () => {
    const tag = randomUUID().slice(0, 8);
    for (const title of [`Export ${tag}, plain`, `=HYPERLINK("http://evil.example") ${tag}`]) {
      expect(
        (await post(john, '/api/requests', { serviceId: 'svc-payroll-setup', title, requirements: { 'q-employees': '5' }, budgetMax: 45_050 })).status,
      ).toBe(201);
    }
    const asked = await post(diana, '/api/requests/exports', { q: tag });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'pending', filters: { q: tag } });
    expect(asked.body).not.toHaveProperty('url');
    const path = `/api/requests/exports/${asked.body.exportId}`;
    await expect.poll(async () => (await api(path, { token: diana.token })).body.status).toBe('ready');
    const { body: ready } = await api(path, { token: diana.token });
    expect(ready).toMatchObject({ rowCount: 2, url: expect.stringContaining('/exports/'), urlExpiresAt: expect.any(String) });

    const download = await fetch(ready.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="requests-\d{4}-\d{2}-\d{2}\.csv"$/);
    const csv = (await download.text()).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(REQUEST_COLUMNS.join(','));
    expect(lines.at(-1)).toBe('');
    expect(csv).toContain(`"Export ${tag}, plain"`);
    // The title a spreadsheet would run is written as text.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"") ${tag}"`);
    expect(csv).toContain(',450.50,USD,');

    // The export is its requester's: another admin of the firm, or another firm, does not see it.
    expect((await api(path, { token: otherAdmin.token })).status).toBe(404);
    const secondAdmin = await joinAs({ email: `export-admin-${tag}@designpi.com`, name: 'Second Admin', role: 'ADMIN', password: 'Second-Passw0rd!' });
    expect((await api(path, { token: secondAdmin.token })).status).toBe(404);
  });

  it('names a bad filter before starting', async () => {
    const bad = await post(diana, '/api/requests/exports', { status: 'lost', from: '2026-13-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'status']);
  });
});
