import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { api, signIn } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';
import { expectAccessible, loadWholeList, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();

it('shows the admin the firm’s request KPIs and team workload, and moves them live when a client asks', { timeout: 45_000 }, async () => {
  const [admin, john] = await Promise.all([signIn('hello@designpi.com'), signIn('john.doe@example.com')]);
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
  // Support: open conversations (the demo's at least), tickets by status, the median first answer.
  const support = page.getByRole('region', { name: 'Support' });
  await expect.poll(() => support.textContent(), { timeout: 10_000 }).toContain('Open conversations');
  expect(Number(await support.getByRole('link').first().textContent())).toBeGreaterThanOrEqual(3);
  expect(await support.textContent()).toContain('Tickets: Waiting for the client');
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

it('leads from each figure to the list it counts, with the same number, and the list keeps its filters in the address', { timeout: 90_000 }, async () => {
  const [admin, john] = await Promise.all([signIn('hello@designpi.com'), signIn('john.doe@example.com')]);
  const name = `Figures Check ${randomUUID().slice(0, 6)}`;
  const { body: service } = await api('/api/services', {
    method: 'POST',
    token: admin.token,
    body: JSON.stringify({ name, category: 'Tests', basePrice: 5_000, estimatedHours: 1 }),
  });
  const daysAhead = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString().slice(0, 10);
  for (const [title, deadline] of [
    ['First figure to count', daysAhead(30)],
    ['Second figure to count', daysAhead(10)],
  ]) {
    const body = JSON.stringify({ serviceId: service.serviceId, title, deadline });
    expect((await api('/api/requests', { method: 'POST', token: john.token, body })).status).toBe(201);
  }
  const page = await newPage(browser());
  await signInThroughForm(page, 'hello@designpi.com');
  await page.waitForURL(url('/admin/'));
  // The service's bar leads to that service's open work: as many rows as the bar says.
  const bar = page.getByRole('region', { name: 'Open requests by service' }).getByRole('listitem').filter({ hasText: name });
  await expect.poll(() => bar.textContent()).toContain(`${name}2 · `);
  await bar.getByRole('link').click();
  const open = 2;
  await page.waitForURL(/\/admin\/requests\/\?open=true&serviceId=/);
  await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);
  await loadWholeList(page);
  expect(await page.getByRole('row').count()).toBe(open + 1);
  // Every row is open work, newest first, as the Created header says.
  const statuses = await page.getByRole('row').locator('td:nth-child(7)').allTextContents();
  expect(statuses.every((s) => ['Submitted', 'In review', 'Approved', 'Assigned', 'In progress'].includes(s))).toBe(true);
  expect(await page.getByRole('columnheader', { name: /Asked on/ }).getAttribute('aria-sort')).toBe('descending');
  const titles = () => page.getByRole('row').locator('td:nth-child(3)').allTextContents();
  expect(await titles()).toEqual(['Second figure to count', 'First figure to count']);

  // By deadline from its header, soonest first; then due within 40 days, latest first; kept in the address.
  await page.getByRole('button', { name: /^Deadline/ }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('deadline');
  await expect.poll(titles).toEqual(['Second figure to count', 'First figure to count']);
  expect(await page.getByRole('columnheader', { name: /Deadline/ }).getAttribute('aria-sort')).toBe('ascending');
  expect(await page.getByRole('columnheader', { name: /Asked on/ }).getAttribute('aria-sort')).toBeNull();
  await page.getByLabel('Deadline by').fill(daysAhead(40));
  await expect.poll(() => new URL(page.url()).searchParams.get('deadlineTo')).toBe(daysAhead(40));
  await page.getByRole('button', { name: /^Deadline/ }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('order')).toBe('desc');
  await expect.poll(titles).toEqual(['First figure to count', 'Second figure to count']);
  expect(await page.getByRole('combobox', { name: 'Order' }).inputValue()).toBe('deadline:desc');

  // No bulk bar until something is chosen.
  const bulk = page.getByRole('region', { name: 'Act on the selected requests' });
  expect(await bulk.count()).toBe(0);
  await page
    .getByRole('checkbox', { name: /^Select SR-/ })
    .first()
    .check();
  await expect.poll(() => bulk.count()).toBe(1);
  await page
    .getByRole('checkbox', { name: /^Select SR-/ })
    .first()
    .uncheck();
  await expect.poll(() => bulk.count()).toBe(0);

  // The whole list, oldest first from the header, kept in the address; j moves to the first row and Enter opens it.
  await page.goto(url('/admin/requests/'));
  await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);
  await page.getByRole('button', { name: /Asked on/ }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('order')).toBe('asc');
  expect(await page.getByRole('columnheader', { name: /Asked on/ }).getAttribute('aria-sort')).toBe('ascending');
  await expectAccessible(page);
  const first = await page.locator('a[data-row-link]').first().textContent();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('j');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(first);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/admin\/request\/\?id=/);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(first!);
  await page.context().close();
});

it(
  'draws requests per week and appointments per day over the period chosen, kept in the address, with the figures as a table',
  { timeout: 45_000 },
  async () => {
    // Counters of a fortnight long past that nothing else touches: put, so a rerun finds the same.
    const kpi = database().entities.kpi;
    await Promise.all([
      kpi.put({ tenantId: 't-designpi', bucket: 'week#2021-03-01', created: 4 }).go(),
      kpi.put({ tenantId: 't-designpi', bucket: 'booking-day#2021-03-03', bookings: 3 }).go(),
    ]);
    const page = await newPage(browser());
    await signInThroughForm(page, 'hello@designpi.com');
    await page.waitForURL(url('/admin/'));
    await page.goto(url('/admin/?from=2021-03-01&to=2021-03-14'));
    const requests = page.getByRole('figure', { name: 'Requests sent per week' });
    const bookings = page.getByRole('figure', { name: 'Appointments per day' });
    await expect.poll(() => requests.textContent()).toContain('4 in all; most: 4 (Week of Mar 1)');
    expect(await bookings.textContent()).toContain('3 in all; most: 3 (Wed, Mar 3)');
    expect(await page.getByLabel('Period').inputValue()).toBe('');
    await requests.getByText('Show the figures').click();
    expect(await requests.getByRole('row').allTextContents()).toEqual(['WhenNumber', 'Week of Mar 14', 'Week of Mar 80']);
    await expectAccessible(page);

    await page.getByLabel('Period').selectOption({ label: 'Last 4 weeks' });
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).not.toBe('2021-03-01');
    await expect.poll(() => requests.getByRole('row').count()).toBe(5);
    await page.context().close();
  },
);
