/** The deploy workflow's smoke test (infra/tools/smoke.ts), against the local stack: it passes there, and fails, naming each check, where nothing of the portal answers. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { portalUrl } from '../local/test-client.ts';
import { smoke } from './smoke.ts';

it('passes every check against the running portal', { timeout: 60_000 }, async () => {
  const results = await smoke(portalUrl());
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(results).toHaveLength(7);
});

it('fails each check, with why, against a server that is not the portal', { timeout: 60_000 }, async () => {
  const impostor = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'));
  await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
  try {
    const results = await smoke(`http://127.0.0.1:${(impostor.address() as AddressInfo).port}`);
    expect(results.map((r) => r.ok)).toEqual(results.map(() => false));
    for (const r of results) expect(r.detail).toBeTruthy();
  } finally {
    await new Promise<void>((resolve) => impostor.close(() => resolve()));
  }
});
