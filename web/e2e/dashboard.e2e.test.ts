import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { api, signIn } from '../../infra/local/test-client.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

it('shows the admin the firm’s request KPIs and team workload, and moves them live when a client asks', { timeout: 45_000 }, async () => {
  const [admin, john] = await Promise.all([signIn('hello@designpi.com'), signIn('john@example.com')]);
  const name = `Dashboard Check ${randomUUID().slice(0, 6)}`;
  const { body: service } = await api('/api/services', {
    method: 'POST',
    token: admin.token,
    body: JSON.stringify({ name, category: 'Tests', basePrice: 12_300, estimatedHours: 1 }),
  });

  const page = await newPage(browser());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  await expect.poll(() => page.getByRole('heading', { name: 'Requests at a glance' }).count()).toBe(1);
  for (const card of ['Active requests', 'New this week', 'Completion rate this month', 'Revenue pipeline'])
    expect(await page.getByRole('heading', { name: card }).count()).toBe(1);
  await expect.poll(() => page.getByRole('region', { name: 'Team workload' }).textContent()).toContain('Mike Chen');
  const active = Number(await page.getByTestId('kpi-active').textContent());
  await expect.poll(() => page.getByTestId('bell').getAttribute('data-live')).toBe('open');
  await expectAccessible(page);

  // A client asks for the new service: the cards and the service's bar move without a reload.
  const asked = await api('/api/requests', {
    method: 'POST',
    token: john.token,
    body: JSON.stringify({ serviceId: service.serviceId, title: 'Counting on the dashboard' }),
  });
  expect(asked.status).toBe(201);
  await expect.poll(() => page.getByRole('region', { name: 'Open requests by service' }).textContent(), { timeout: 5000 }).toContain(`${name}1 · $123.00`);
  expect(Number(await page.getByTestId('kpi-active').textContent())).toBeGreaterThan(active);
  await page.context().close();
});
