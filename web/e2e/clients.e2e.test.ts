import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { api, signIn } from '../../infra/local/test-client.ts';
import { linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { expectAccessible, newPage, signInThroughForm, url, useBrowser } from './browser.ts';

const browser = useBrowser();
const tokenIn = async (email: string) => new URL(linkIn(await nextEmailTo(email), '/invitation/?token=')).searchParams.get('token')!;

it(
  "an admin adds a customer and invites its contacts; the second joins from the inbox and sees the customer's open request, which the 360° page shows",
  { timeout: 90_000 },
  async () => {
    const run = randomUUID().slice(0, 6);
    const name = `Juniper Legal ${run}`;
    const [first, second] = [`petra-${run}@example.com`, `quinn-${run}@example.com`];
    const admin = await newPage(browser());
    await signInThroughForm(admin, 'hello@designpi.com');
    await admin.waitForURL(url('/admin/'));
    await admin.getByRole('link', { name: 'Clients' }).click();
    await admin.waitForURL(url('/admin/clients/'));

    // Add the customer; a missing name is named.
    await admin.getByText('Add a customer').click();
    const add = admin.getByRole('region', { name: 'Add a customer' });
    await add.getByRole('button', { name: 'Add customer' }).click();
    await expect.poll(() => add.getByText('Name is required').count()).toBeGreaterThan(0);
    await add.getByLabel('Name', { exact: true }).fill(name);
    await add.getByLabel('Industry').fill('Law');
    await add.getByRole('button', { name: 'Add customer' }).click();
    await expect.poll(() => add.getByText(`Added ${name}.`).count()).toBe(1);
    await expectAccessible(admin);

    // Find it by the start of its name, and open its page.
    await admin.getByLabel('Name, or a contact’s email').fill(`juniper legal ${run}`);
    await admin.getByRole('button', { name: 'Apply' }).click();
    await admin.getByRole('link', { name }).click();
    await expect.poll(() => admin.getByRole('heading', { name, level: 1 }).count()).toBe(1);
    await expect.poll(() => admin.getByText('No contacts yet').count()).toBe(1);

    // The first contact becomes the primary one; the second is given all of the customer's records.
    const invite = admin.getByRole('region', { name: 'Invite a contact' });
    for (const [email, who, access] of [
      [first, 'Petra Stone', 'Only their own'],
      [second, 'Quinn Reyes', 'All of the customer’s records'],
    ] as const) {
      await invite.getByLabel('Email', { exact: true }).fill(email);
      await invite.getByLabel('Name', { exact: true }).fill(who);
      await invite.getByLabel('What they see').selectOption({ label: access });
      await invite.getByRole('button', { name: 'Send invitation' }).click();
      await expect.poll(() => invite.getByText(`Invitation sent to ${email}.`).count()).toBe(1);
    }
    const contacts = admin.getByRole('region', { name: 'Contacts' });
    await expect.poll(() => contacts.getByRole('row', { name: /Petra Stone.*Invited.*Primary contact/ }).count()).toBe(1);
    await expect.poll(() => contacts.getByRole('row', { name: /Quinn Reyes.*Invited/ }).count()).toBe(1);
    await expect.poll(() => contacts.getByRole('button', { name: 'Make Quinn Reyes the primary contact' }).count()).toBe(1);
    await expectAccessible(admin);

    // The primary contact joins and asks for a service.
    expect(
      (await api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token: await tokenIn(first), password: 'Petra-Passw0rd!' }) })).status,
    ).toBe(201);
    const petra = await signIn(first, 'Petra-Passw0rd!');
    const asked = await api('/api/requests', {
      method: 'POST',
      token: petra.token,
      body: JSON.stringify({ serviceId: 'svc-payroll-setup', title: `Juniper payroll ${run}`, requirements: { 'q-employees': '4' } }),
    });
    expect(asked.status).toBe(201);

    // The second joins from the emailed link and sees the customer's request, which they did not make.
    const quinn = await newPage(browser());
    await quinn.goto(linkIn(await nextEmailTo(second), '/invitation/?token='));
    await quinn.getByLabel('New password').fill('Quinn-Passw0rd!');
    await quinn.getByLabel('Repeat the password').fill('Quinn-Passw0rd!');
    await quinn.getByRole('button', { name: 'Join DesignPi' }).click();
    await quinn.waitForURL(url('/portal/'));
    await expect.poll(() => quinn.getByRole('region', { name: 'Your open requests' }).getByText(`Juniper payroll ${run}`).count()).toBe(1);

    // Their organisation page lists its people; only the primary contact invites colleagues.
    await quinn.goto(url('/account/organisation/'));
    const people = quinn.getByRole('region', { name: `People at ${name}` });
    await expect.poll(() => people.getByRole('row', { name: /Quinn Reyes \(you\)/ }).count()).toBe(1);
    await expect.poll(() => people.getByText('Only Petra Stone, your primary contact, can invite colleagues').count()).toBe(1);
    await expectAccessible(quinn);

    // The 360° page shows the request, the figures and what happened, newest first.
    await admin.reload();
    await expect.poll(() => admin.getByRole('row', { name: new RegExp(`${asked.body.reference}.*Juniper payroll ${run}`) }).count()).toBe(1);
    await expect.poll(() => admin.getByRole('region', { name: 'At a glance' }).textContent()).toContain('Open requests1');
    const activity = admin.getByRole('region', { name: 'Activity' });
    await expect.poll(() => activity.getByText('Request submitted').count()).toBe(1);
    await expect.poll(() => activity.getByText('Contact invited').count()).toBe(2);
    await expectAccessible(admin);

    // A contact leaves; what the customer asked for stays.
    await contacts.getByRole('button', { name: 'Deactivate Quinn Reyes' }).click();
    await expect.poll(() => contacts.getByRole('row', { name: /Quinn Reyes.*Deactivated/ }).count()).toBe(1);
    await expect.poll(() => admin.getByRole('row', { name: new RegExp(`Juniper payroll ${run}`) }).count()).toBe(1);

    // The client's name on the request links back to this page.
    await admin.getByRole('link', { name: asked.body.reference }).click();
    await admin.getByRole('link', { name: 'Petra Stone' }).click();
    await expect.poll(() => admin.getByRole('heading', { name, level: 1 }).count()).toBe(1);
    await Promise.all([admin, quinn].map((p) => p.context().close()));
  },
);
