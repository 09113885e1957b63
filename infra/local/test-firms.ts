/** Tests' own firms: made by the seeded platform operator, their first admin joined from the inbox and signed in. */
import { expect } from 'vitest';
import { api, signIn, type Signed } from './test-client.ts';
import { linkIn, nextEmailTo } from './test-inbox.ts';

export async function firmWithAdmin(firm: {
  name: string;
  slug: string;
  timeZone: string;
  currency: string;
  locale?: string;
  languages?: string[];
  admin: { name: string; email: string };
  password: string;
}): Promise<Signed> {
  const { password, ...body } = firm;
  const operator = await signIn('operator@serviceportal.example');
  const made = await api('/api/platform/firms', { method: 'POST', token: operator.token, body: JSON.stringify({ locale: 'en', ...body }) });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const token = new URL(linkIn(await nextEmailTo(firm.admin.email), '/invitation/?token=')).searchParams.get('token')!;
  expect((await api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token, password }) })).status).toBe(201);
  return signIn(firm.admin.email, password);
}
