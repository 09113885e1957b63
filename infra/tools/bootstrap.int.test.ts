/**
 * `npm run bootstrap` against the local stack, as a person runs it (a child process reading the
 * stack's environment from its file): the first operator, a firm with its admin, each made once
 * and reported after; wrong input refused by option, with nothing written.
 */
import { expect, it } from 'vitest';
import { api, signIn } from '../local/test-client.ts';
import { localTool } from '../local/test-tool.ts';
import { emailsTo, linkIn, nextEmailTo } from '../local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';

const RUN = Date.now().toString(36);
const { run: bootstrap } = localTool('infra/tools/bootstrap.ts');

const accept = async (email: string, password: string) => {
  const token = new URL(linkIn(await nextEmailTo(email), '/invitation/?token=')).searchParams.get('token')!;
  return api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token, password }) });
};

it('makes a platform operator once, who joins from the email into the platform area', { timeout: 60_000 }, async () => {
  const email = `nell-${RUN}@serviceportal.example`;
  const first = await bootstrap('--admin', email, '--name', 'Nell Operator');
  expect(first).toMatchObject({ code: 0, out: `Made ${email} the first admin of the platform: an invitation is on its way.\n` });
  const joined = await accept(email, 'Nell-Passw0rd!');
  expect(joined.status).toBe(201);
  expect(joined.body).toMatchObject({ user: { role: 'SUPER_ADMIN', name: 'Nell Operator' }, home: '/platform/' });

  const again = await bootstrap('--admin', email);
  expect(again).toMatchObject({ code: 0, out: `${email} is already in the platform (active): nothing to do.\n` });
  expect(await emailsTo(email)).toHaveLength(1);
  const operator = await signIn(email, 'Nell-Passw0rd!');
  expect((await api('/api/platform/firms', { token: operator.token })).status).toBe(200);
  // The platform's log names the run that made them.
  const { data: log } = await database().entities.audit.query.byEntity({ tenantId: 'platform', entityType: 'firm', entityId: 'platform' }).go();
  expect(log.filter((a) => (a.changes ?? []).some((c) => c.to === email)).map((a) => [a.action, a.actorId])).toEqual([['firm.person_invited', 'bootstrap']]);
});

it('makes a firm with its first admin once, and refuses its address for anyone else', { timeout: 60_000 }, async () => {
  const slug = `birch-${RUN}`;
  const email = `bea-${RUN}@birch.example`;
  const args = [
    '--firm',
    'Birch Books',
    '--slug',
    slug,
    '--admin',
    email,
    '--name',
    'Bea Birch',
    '--time-zone',
    'Europe/Paris',
    '--currency',
    'eur',
    '--locale',
    'ar',
    '--languages',
    'ar, en',
  ];
  expect(await bootstrap(...args)).toMatchObject({ code: 0, out: `Made ${email} the first admin of t-${slug}: an invitation is on its way.\n` });
  expect(await bootstrap(...args)).toMatchObject({ code: 0, out: `${email} is already in t-${slug} (invited): nothing to do.\n` });
  expect((await accept(email, 'Bea-Passw0rd!')).body).toMatchObject({
    user: { role: 'ADMIN' },
    home: '/admin/',
    tenant: { name: 'Birch Books', currency: 'EUR', timeZone: 'Europe/Paris', locale: 'ar', languages: ['en', 'ar'] },
  });

  const other = await bootstrap('--firm', 'Birch Two', '--slug', slug, '--admin', `x-${RUN}@birch.example`);
  expect(other.code).toBe(1);
  expect(other.err).toContain(`${slug} is the address of Birch Books`);
});

it('refuses wrong input by option, and an address that signs in elsewhere, writing nothing', async () => {
  expect((await bootstrap()).code).toBe(2);
  const bad = await bootstrap('--firm', 'Bad', '--slug', 'admin', '--admin', 'not-an-address', '--currency', 'EURO');
  expect(bad.code).toBe(2);
  expect(bad.err.split('\n').filter(Boolean)).toEqual([
    '--slug: is reserved by the portal',
    '--currency: must be an ISO 4217 currency code such as USD, EUR or GBP',
    '--admin: is not a valid email address',
  ]);
  const languages = await bootstrap('--firm', 'Bad', '--slug', `bad-${RUN}`, '--admin', `b-${RUN}@bad.example`, '--languages', 'en,fr');
  expect(languages).toMatchObject({ code: 2, err: '--languages: must be one of en, ar, hi\n' });
  const unoffered = await bootstrap('--firm', 'Bad', '--slug', `bad-${RUN}`, '--admin', `b-${RUN}@bad.example`, '--locale', 'hi', '--languages', 'en,ar');
  expect(unoffered).toMatchObject({ code: 2, err: "--locale: must be one of the firm's languages\n" });
  const elsewhere = await bootstrap('--admin', 'hello@designpi.com');
  expect(elsewhere).toMatchObject({ code: 1, err: expect.stringContaining('signs in with a firm already') });
  expect((await database().entities.user.query.byEmail({ tenantId: 'platform', email: 'hello@designpi.com' }).go()).data).toEqual([]);
});
