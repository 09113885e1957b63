/**
 * A firm's languages (issue 19, ADR 0040), through the real bundles: the firm is made with the
 * languages it offers and its default among them; every page of the firm carries them; every
 * input that gives a person or a visitor a language refuses one the firm does not offer, naming
 * `locale`; and whoever keeps a language the firm stopped offering is emailed in its default.
 */
import { beforeAll, expect, it } from 'vitest';
import { api, newVisitorAddress, signIn, type Signed } from '../../infra/local/test-client.ts';
import { firmWithAdmin } from '../../infra/local/test-firms.ts';
import { linkIn, nextEmailTo, type InboxEmail } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';

const RUN = Date.now().toString(36);
const SLUG = `cedar-${RUN}`;
const FIRM_ID = `t-${SLUG}`;
const PASSWORD = 'Cedar-Passw0rd!';
const OFFERED = "must be one of the firm's languages (ar, hi)";
const refusal = (field = 'locale', message = OFFERED) => ({ status: 400, details: [{ field, message, rule: 'choice' }] });

let admin: Signed;
const asAdmin = (path: string, method = 'GET', body?: unknown) =>
  api(path, { method, token: admin.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const outcome = (res: { status: number; body: { error?: { details?: unknown } } }) => ({ status: res.status, details: res.body.error?.details });
const invite = (email: string, locale?: string) =>
  asAdmin('/api/invitations', 'POST', { email, name: `Guest ${email.split('@')[0]}`, role: 'CLIENT', ...(locale && { locale }) });
const preview = (email: InboxEmail) =>
  api(`/api/invitations/preview?token=${encodeURIComponent(new URL(linkIn(email, '/invitation/?token=')).searchParams.get('token')!)}`);
const langOf = (html: string) => /<html lang="(\w+)"/.exec(html)?.[1];

beforeAll(async () => {
  admin = await firmWithAdmin({
    name: 'Cedar Counsel',
    slug: SLUG,
    timeZone: 'Asia/Dubai',
    currency: 'AED',
    locale: 'ar',
    languages: ['hi', 'ar'],
    admin: { name: 'Cyra Cedar', email: `cyra-${RUN}@cedar.example` },
    password: PASSWORD,
  });
});

it("carries the firm's languages, in the portal's order, on its session and every public page of it", async () => {
  const offered = { locale: 'ar', languages: ['ar', 'hi'] };
  expect((await asAdmin('/api/me')).body.tenant).toMatchObject(offered);
  expect((await asAdmin('/api/firm/languages')).body).toEqual(offered);
  expect((await api(`/api/catalog/${SLUG}`)).body.firm).toMatchObject(offered);
  expect((await api(`/api/book/${SLUG}`)).body.firm).toMatchObject(offered);
  expect((await api(`/api/signup/${SLUG}`)).body).toMatchObject(offered);
  // A firm that never chose offers all of them.
  expect((await api('/api/catalog/designpi')).body.firm).toMatchObject({ locale: 'en', languages: ['en', 'ar', 'hi'] });
});

it('refuses a language the firm does not offer wherever one is given, writing nothing', async () => {
  const email = `nope-${RUN}@client.example`;
  expect(outcome(await invite(email, 'en'))).toEqual(refusal());
  const { data: written } = await database().entities.user.query.byEmail({ tenantId: FIRM_ID, email }).go();
  expect(written).toEqual([]);

  await asAdmin('/api/firm/access-policy', 'PATCH', { clientSignUp: true });
  const signUp = await api(`/api/signup/${SLUG}`, {
    method: 'POST',
    body: JSON.stringify({ name: 'Sam Sign', email: `sam-${RUN}@client.example`, locale: 'en' }),
  });
  expect(outcome(signUp)).toEqual(refusal());

  const booking = await api(`/api/book/${SLUG}/bookings`, {
    method: 'POST',
    from: newVisitorAddress(),
    body: JSON.stringify({
      serviceId: 'any',
      start: new Date(Date.now() + 86_400_000).toISOString(),
      timeZone: 'Asia/Dubai',
      name: 'Gus Guest',
      email: `gus-${RUN}@client.example`,
      locale: 'en',
    }),
  });
  expect(outcome(booking)).toEqual(refusal());

  // A person's language is refused only when it changes to one not offered.
  const { body: me } = await asAdmin('/api/me');
  const { body: self } = await asAdmin(`/api/users/${me.user.userId}`);
  expect(outcome(await asAdmin(`/api/users/${self.userId}`, 'PATCH', { version: self.version, locale: 'en' }))).toEqual(refusal());
  expect((await asAdmin(`/api/users/${self.userId}`, 'PATCH', { version: self.version, locale: 'ar', phone: '+971 4 000 0000' })).status).toBe(200);

  // One's own email language (Account): only an offered one, and it makes an older edit of the person stale.
  const { body: prefs } = await asAdmin('/api/me/email-preferences');
  expect(prefs.locale).toBe('ar');
  const choose = (locale: string) => asAdmin('/api/me/email-preferences', 'PUT', { digest: prefs.digest, off: prefs.off, locale });
  expect(outcome(await choose('en'))).toEqual(refusal());
  const { body: seen } = await asAdmin(`/api/users/${self.userId}`);
  const chosen = await choose('hi');
  expect([chosen.status, chosen.body.locale]).toEqual([200, 'hi']);
  expect((await asAdmin(`/api/users/${self.userId}`, 'PATCH', { version: seen.version, phone: '+971 4 000 0001' })).status).toBe(409);
});

it("lets an admin change them, audited, and writes to anyone whose language it stopped offering in the firm's default", { timeout: 60_000 }, async () => {
  // A client invited in Hindi joins; an offered language is what their emails are in.
  const email = `hari-${RUN}@client.example`;
  const invited = await invite(email, 'hi');
  expect([invited.status, invited.body.locale]).toEqual([201, 'hi']);
  const first = await nextEmailTo(email);
  expect(langOf(first.html)).toBe('hi');
  expect((await preview(first)).body).toMatchObject({ locale: 'hi', languages: ['ar', 'hi'] });
  // Without a language, an invitation is in the firm's default.
  expect((await invite(`dana-${RUN}@client.example`)).body.locale).toBe('ar');

  // The default must be among the languages, each named once, at least one.
  expect(outcome(await asAdmin('/api/firm/languages', 'PATCH', { languages: ['ar', 'hi'], locale: 'en' }))).toMatchObject({
    status: 400,
    details: [{ field: 'locale' }],
  });
  expect(outcome(await asAdmin('/api/firm/languages', 'PATCH', { languages: ['hi'] }))).toEqual(refusal('locale', "must be one of the firm's languages (hi)"));
  expect(outcome(await asAdmin('/api/firm/languages', 'PATCH', { languages: [] }))).toMatchObject({ status: 400, details: [{ field: 'languages' }] });
  expect(outcome(await asAdmin('/api/firm/languages', 'PATCH', { languages: ['ar', 'ar'] }))).toMatchObject({ status: 400, details: [{ field: 'languages' }] });
  expect(outcome(await asAdmin('/api/firm/languages', 'PATCH', {}))).toMatchObject({ status: 400 });

  // Hindi is no longer offered: the invited client keeps it, but is written to in Arabic.
  const changed = await asAdmin('/api/firm/languages', 'PATCH', { languages: ['en', 'ar'] });
  expect([changed.status, changed.body]).toEqual([200, { locale: 'ar', languages: ['en', 'ar'] }]);
  const { data: log } = await database().entities.audit.query.byEntity({ tenantId: FIRM_ID, entityType: 'firm', entityId: FIRM_ID }).go();
  expect(log.filter((a) => a.action === 'firm.languages_changed').map((a) => a.changes)).toEqual([
    [{ field: 'languages', from: ['ar', 'hi'], to: ['en', 'ar'] }],
  ]);
  expect((await asAdmin('/api/firm/languages', 'PATCH', { languages: ['ar', 'en'] })).body).toEqual({ locale: 'ar', languages: ['en', 'ar'] });

  const resent = await asAdmin(`/api/invitations/${invited.body.invitationId}/resend`, 'POST');
  expect(resent.status, JSON.stringify(resent.body)).toBe(200);
  const again = await nextEmailTo(email, 1);
  expect(langOf(again.html)).toBe('ar');
  expect((await preview(again)).body).toMatchObject({ locale: 'ar', languages: ['en', 'ar'] });

  // Another firm's admin cannot read or change them.
  const other = await signIn('admin@northwind.example');
  expect((await api('/api/firm/languages', { token: other.token })).body.languages).toEqual(['en', 'ar', 'hi']);
});
