import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';
import { TEMPLATE_COUNTER } from '../../shared/db/entities/task-template.ts';
import { MAX_TEMPLATES } from './templates.ts';

let sarah: Signed; // lead
let diana: Signed; // admin
let otherAdmin: Signed; // Northwind

const send = (method: string) => (who: Signed, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const [post, patch, del] = [send('POST'), send('PATCH'), send('DELETE')];
const get = (who: Signed, path: string) => api(path, { token: who.token });

beforeAll(async () => {
  [sarah, diana, otherAdmin] = await Promise.all([signIn('sarah@designpi.com'), signIn('hello@designpi.com'), signIn('admin@northwind.example')]);
});

describe('task templates', () => {
  it('has the seeded three, by category and name, and their categories', async () => {
    const list = await get(sarah, '/api/task-templates?limit=100');
    expect(list.status).toBe(200);
    const names = list.body.items.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Tax Return Preparation', 'Bookkeeping Setup', 'Financial Statement Review']));
    const tax = list.body.items.find((t: { templateId: string }) => t.templateId === 'tpl-tax-return-preparation');
    expect(tax).toMatchObject({ category: 'Tax', estimatedHours: 4, requiredSkills: ['tax-preparation'] });
    expect(tax.checklist).toHaveLength(5);
    expect((await get(sarah, '/api/task-templates/categories')).body.categories).toEqual(expect.arrayContaining(['Advisory', 'Bookkeeping', 'Tax']));
    expect((await get(sarah, '/api/task-templates?category=Bookkeeping')).body.items.map((t: { name: string }) => t.name)).toContain('Bookkeeping Setup');
    // Another firm has its own (none seeded) and never sees these.
    expect((await get(otherAdmin, '/api/task-templates')).body.items.map((t: { templateId: string }) => t.templateId)).not.toContain(
      'tpl-tax-return-preparation',
    );
    expect((await get(otherAdmin, '/api/task-templates/tpl-tax-return-preparation')).status).toBe(404);
  });

  it('is created, changed (optimistically) and deleted by an admin, each audited', async () => {
    const bad = await post(diana, '/api/task-templates', {
      name: '',
      category: 'Payroll',
      estimatedHours: 0,
      requiredSkills: ['Not A Skill!'],
      checklist: [''],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['checklist.0', 'estimatedHours', 'name', 'requiredSkills.0']);
    const created = await post(diana, '/api/task-templates', {
      name: 'Payroll Run',
      category: 'Payroll',
      estimatedHours: 2,
      requiredSkills: ['payroll'],
      checklist: ['Import hours', 'Run payroll'],
    });
    expect(created.status).toBe(201);
    const { templateId, version } = created.body;
    expect(created.body).toMatchObject({ defaultAssigneeRole: 'TEAM_MEMBER', description: '', version: 1 });
    expect((await patch(diana, `/api/task-templates/${templateId}`, { version: version + 1, name: 'x' })).status).toBe(409);
    const changed = await patch(diana, `/api/task-templates/${templateId}`, {
      version,
      estimatedHours: 3,
      checklist: ['Import hours', 'Check totals', 'Run payroll'],
    });
    expect(changed.body).toMatchObject({ estimatedHours: 3, version: 2 });
    expect((await patch(otherAdmin, `/api/task-templates/${templateId}`, { version: 2, name: 'Mine now' })).status).toBe(404);
    expect((await del(otherAdmin, `/api/task-templates/${templateId}`)).status).toBe(404);
    expect((await del(diana, `/api/task-templates/${templateId}`)).status).toBe(204);
    expect((await get(diana, `/api/task-templates/${templateId}`)).status).toBe(404);
    const { data } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'task_template', entityId: templateId }).go();
    expect(data.map((a) => a.action).sort()).toEqual(['task_template.created', 'task_template.deleted', 'task_template.updated']);
  });

  it(`keeps a firm to ${MAX_TEMPLATES} templates`, async () => {
    const counter = { tenantId: 't-northwind', name: TEMPLATE_COUNTER };
    const before = (await database().entities.counter.get(counter).go()).data?.value ?? 0;
    await database()
      .entities.counter.upsert({ ...counter, value: MAX_TEMPLATES })
      .go();
    try {
      const refused = await post(otherAdmin, '/api/task-templates', { name: 'One too many', category: 'IT', estimatedHours: 1 });
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toContain(`at most ${MAX_TEMPLATES}`);
      expect((await get(otherAdmin, '/api/task-templates?category=IT')).body.items.map((t: { name: string }) => t.name)).not.toContain('One too many');
    } finally {
      await database()
        .entities.counter.upsert({ ...counter, value: before })
        .go();
    }
  });
});
