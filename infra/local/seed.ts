/**
 * Demo data for the local stage only (never part of a deployable stack): the firm DesignPi
 * with its staff, clients and catalog, and a second firm so tenant isolation can be seen.
 * Idempotent: existing tenants, users and services are left as they are.
 */
import { fileDefaultFolders } from '../../functions/documents/default-folders.ts';
import { seedConversations } from './seed-conversations.ts';
import type { EntityItem } from 'electrodb';
import type { Service } from '../../shared/db/entities/service.ts';
import { DEFAULT_BOOKING_SETTINGS } from '../../shared/domain/bookings/settings.ts';
import { TEMPLATE_COUNTER, type TaskTemplate } from '../../shared/db/entities/task-template.ts';
import type { User } from '../../shared/db/entities/user.ts';
import { customerOf } from '../../shared/db/entities/customer.ts';
import { database } from '../../shared/db/all-entities.ts';
import { joiningContact } from '../../shared/domain/customers/customers.ts';
import { kpiStateOf, recount } from '../../shared/domain/requests/kpis.ts';
import { ensureCognitoUser, type LocalPool } from './cognito.ts';
import { PLATFORM_TENANT } from '../../shared/domain/platform/firms.ts';

/** Fixed demo password, listed in the README. Exists only in the local stage. */
export const DEMO_PASSWORD = 'Demo-Passw0rd!';

type SeedUser = Omit<EntityItem<typeof User>, 'tenantId' | 'userId' | 'createdAt' | 'updatedAt' | 'version' | 'status' | 'customerId'>;

const weekdays = (start: string, end: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start, end }]])) as SeedUser['workingHours'];

export const DEMO_TENANTS = [
  {
    tenant: {
      tenantId: 't-designpi',
      slug: 'designpi',
      name: 'DesignPi',
      timeZone: 'America/New_York',
      currency: 'USD',
      locale: 'en' as const,
      clientSignUp: true,
    },
    users: [
      { email: 'hello@designpi.com', name: 'Diana Price', role: 'ADMIN', locale: 'en', timeZone: 'America/New_York', position: 'Managing Partner' },
      {
        email: 'sarah@designpi.com',
        name: 'Sarah Johnson',
        role: 'TEAM_LEAD',
        phone: '+1-555-0101',
        locale: 'en',
        timeZone: 'America/New_York',
        employeeId: 'EMP-001',
        department: 'Accounting',
        position: 'Senior Accountant',
        skills: ['tax-preparation', 'bookkeeping', 'financial-statements', 'audit'],
        expertiseLevel: 'senior',
        hourlyRate: 9500,
        availabilityStatus: 'available',
        maxConcurrentProjects: 5,
        hireDate: '2019-03-15',
        workingHours: weekdays('09:00', '17:00'),
      },
      {
        email: 'mike@designpi.com',
        name: 'Mike Chen',
        role: 'TEAM_MEMBER',
        phone: '+1-555-0102',
        locale: 'en',
        timeZone: 'America/Los_Angeles',
        employeeId: 'EMP-002',
        department: 'Advisory',
        position: 'Tax Consultant',
        skills: ['tax-preparation', 'payroll', 'consulting'],
        expertiseLevel: 'intermediate',
        hourlyRate: 7500,
        availabilityStatus: 'available',
        maxConcurrentProjects: 3,
        hireDate: '2021-08-02',
        workingHours: weekdays('08:00', '16:00'),
      },
      {
        email: 'john.doe@example.com',
        name: 'John Doe',
        phone: '+1-555-0201',
        role: 'CLIENT',
        company: 'Acme Corporation',
        locale: 'en',
        timeZone: 'America/Chicago',
      },
      { email: 'lisa@acme.example', name: 'Lisa Park', role: 'CLIENT', company: 'Acme Corporation', locale: 'en', timeZone: 'America/Chicago' },
      {
        email: 'jane.smith@example.com',
        name: 'Jane Smith',
        phone: '+1-555-0202',
        role: 'CLIENT',
        company: 'Tech Solutions Inc',
        locale: 'en',
        timeZone: 'Europe/London',
      },
      {
        email: 'bob.wilson@example.com',
        name: 'Bob Wilson',
        phone: '+1-555-0203',
        role: 'CLIENT',
        company: 'Global Ventures LLC',
        locale: 'en',
        timeZone: 'Asia/Kolkata',
      },
    ] satisfies SeedUser[],
  },
  {
    // Northwind reviews every new request before work starts; DesignPi does not, so both paths can be seen.
    tenant: {
      tenantId: 't-northwind',
      slug: 'northwind',
      name: 'Northwind Advisory',
      timeZone: 'Europe/London',
      currency: 'GBP',
      locale: 'en' as const,
      reviewRequests: true,
    },
    users: [
      { email: 'admin@northwind.example', name: 'Nora Whitfield', role: 'ADMIN', locale: 'en', timeZone: 'Europe/London', position: 'Director' },
      {
        email: 'omar@northwind.example',
        name: 'Omar Haddad',
        role: 'TEAM_MEMBER',
        locale: 'ar',
        timeZone: 'Asia/Dubai',
        department: 'IT',
        position: 'Engineer',
        skills: ['cloud', 'security'],
        expertiseLevel: 'expert',
        hourlyRate: 12000,
        availabilityStatus: 'available',
        maxConcurrentProjects: 3,
        workingHours: weekdays('09:00', '18:00'),
      },
      { email: 'priya@client.example', name: 'Priya Sharma', role: 'CLIENT', company: 'Sharma Textiles', locale: 'hi', timeZone: 'Asia/Kolkata' },
    ] satisfies SeedUser[],
  },
  {
    // Not a firm: the platform's operators (ADR 0035), who make, suspend and watch the firms.
    tenant: PLATFORM_TENANT,
    users: [{ email: 'operator@serviceportal.example', name: 'Pat Operator', role: 'SUPER_ADMIN', locale: 'en', timeZone: 'UTC' }] satisfies SeedUser[],
  },
];

/** Each firm's customers and their contacts by email (shared/domain/customers); the first contact is the primary. */
const DEMO_CUSTOMERS: Record<string, { customerId: string; name: string; industry: string; contacts: string[] }[]> = {
  't-designpi': [
    { customerId: 'cus-acme', name: 'Acme Corporation', industry: 'Manufacturing', contacts: ['john.doe@example.com', 'lisa@acme.example'] },
    { customerId: 'cus-tech-solutions', name: 'Tech Solutions Inc', industry: 'Software', contacts: ['jane.smith@example.com'] },
    { customerId: 'cus-global-ventures', name: 'Global Ventures LLC', industry: 'Investment', contacts: ['bob.wilson@example.com'] },
  ],
  't-northwind': [{ customerId: 'cus-sharma-textiles', name: 'Sharma Textiles', industry: 'Textiles', contacts: ['priya@client.example'] }],
};

async function seedCustomers(tenantId: string): Promise<void> {
  const db = database();
  for (const { contacts, ...customer } of DEMO_CUSTOMERS[tenantId] ?? []) {
    const key = { tenantId, customerId: customer.customerId };
    if (!(await db.entities.customer.get(key).go()).data) await db.entities.customer.create({ ...customer, ...key, kind: 'business', status: 'active' }).go();
    await fileDefaultFolders(tenantId, customer.customerId);
    for (const [i, email] of contacts.entries()) {
      const { data: found } = await db.entities.user.query.byEmail({ tenantId, email }).go();
      const contact = found[0];
      if (contact && !customerOf(contact))
        await db.entities.user
          .patch({ tenantId, userId: contact.userId })
          .set(joiningContact(customer.customerId, i === 0))
          .go();
    }
  }
}

type SeedService = Omit<EntityItem<typeof Service>, 'tenantId' | 'currency' | 'createdAt' | 'updatedAt' | 'version'>;

const ask = (key: string, label: string, required = true) => ({ key, label, required });

/** Each firm's catalog; prices in cents of the firm's currency. */
const DEMO_SERVICES: Record<string, SeedService[]> = {
  't-designpi': [
    {
      serviceId: 'svc-individual-tax-return',
      name: 'Individual Tax Return',
      category: 'Tax',
      basePrice: 35000,
      estimatedHours: 4,
      status: 'active',
      description: 'Preparation and e-filing of your federal and state returns, with a review call before filing.',
      requiredSkills: ['tax-preparation'],
      questions: [ask('q-tax-year', 'Which tax year?'), ask('q-filing-status', 'Filing status'), ask('q-dependents', 'Number of dependents', false)],
    },
    {
      serviceId: 'svc-monthly-bookkeeping',
      name: 'Monthly Bookkeeping',
      category: 'Bookkeeping',
      basePrice: 50000,
      estimatedHours: 10,
      status: 'active',
      description: 'Categorised transactions, reconciled accounts and a monthly profit and loss statement.',
      requiredSkills: ['bookkeeping'],
      questions: [ask('q-software', 'Which accounting software do you use?'), ask('q-accounts', 'How many bank accounts?', false)],
    },
    {
      serviceId: 'svc-financial-statement-review',
      name: 'Financial Statement Review',
      category: 'Advisory',
      basePrice: 120000,
      estimatedHours: 12,
      status: 'active',
      description: 'A review of your annual financial statements with findings and recommendations.',
      requiredSkills: ['financial-statements', 'audit'],
      questions: [ask('q-period', 'Which period should we review?')],
    },
    {
      serviceId: 'svc-payroll-setup',
      name: 'Payroll Setup',
      category: 'Payroll',
      basePrice: 40000,
      estimatedHours: 6,
      status: 'active',
      description: 'Payroll configured for your team, with tax withholdings and the first run checked together.',
      requiredSkills: ['payroll'],
      questions: [ask('q-employees', 'How many employees?')],
    },
    {
      serviceId: 'svc-tax-consultation',
      name: 'Tax Consultation',
      category: 'Tax',
      basePrice: 12000,
      estimatedHours: 1,
      status: 'active',
      description: 'An hour with a tax consultant by video, phone or at our office: your questions answered, next steps agreed.',
      requiredSkills: ['tax-preparation'],
      questions: [],
      booking: {
        ...DEFAULT_BOOKING_SETTINGS,
        enabled: true,
        durationMinutes: 60,
        bookingTypes: ['video', 'phone', 'in-person'],
        minNoticeHours: 4,
        advanceDays: 60,
        cancelCutoffHours: 12,
        bufferAfterMinutes: 15,
        hourlyRate: 12000,
        weekendPercent: 25,
        rushWithinHours: 24,
        rushPercent: 125,
        businessHours: { ...weekdays('09:00', '18:00'), sat: [{ start: '10:00', end: '13:00' }] },
      },
    },
    {
      serviceId: 'svc-quarterly-estimates',
      name: 'Quarterly Tax Estimates',
      category: 'Tax',
      basePrice: 15000,
      estimatedHours: 2,
      status: 'inactive',
      description: 'Estimated tax payments worked out each quarter (paused for this season).',
      requiredSkills: ['tax-preparation'],
      questions: [],
    },
  ],
  't-northwind': [
    {
      serviceId: 'svc-cloud-security-audit',
      name: 'Cloud Security Audit',
      category: 'IT',
      basePrice: 250000,
      estimatedHours: 24,
      status: 'active',
      description: 'A review of your cloud accounts against current security practice, with a prioritised fix list.',
      requiredSkills: ['cloud', 'security'],
      questions: [ask('q-provider', 'Which cloud provider?')],
    },
  ],
};

type SeedTemplate = Omit<EntityItem<typeof TaskTemplate>, 'tenantId' | 'createdAt' | 'updatedAt' | 'version' | 'description'> & { description: string };

/** The accounting firm's task templates (the counter that caps them is kept in step). */
const DEMO_TEMPLATES: Record<string, SeedTemplate[]> = {
  't-designpi': [
    {
      templateId: 'tpl-tax-return-preparation',
      name: 'Tax Return Preparation',
      category: 'Tax',
      defaultAssigneeRole: 'TEAM_MEMBER',
      estimatedHours: 4,
      description: 'Prepare, review and file an individual or business tax return.',
      requiredSkills: ['tax-preparation'],
      checklist: [
        'Collect income documents (W-2, 1099, K-1)',
        'Gather deduction and credit receipts',
        'Prepare the return',
        'Review with the client',
        'E-file and send the confirmation',
      ],
    },
    {
      templateId: 'tpl-bookkeeping-setup',
      name: 'Bookkeeping Setup',
      category: 'Bookkeeping',
      defaultAssigneeRole: 'TEAM_MEMBER',
      estimatedHours: 6,
      description: 'Set up the chart of accounts and connect the bank feeds for a new bookkeeping client.',
      requiredSkills: ['bookkeeping'],
      checklist: ['Set up the chart of accounts', 'Connect bank and card feeds', 'Import opening balances', 'Agree categorisation rules with the client'],
    },
    {
      templateId: 'tpl-financial-statement-review',
      name: 'Financial Statement Review',
      category: 'Advisory',
      defaultAssigneeRole: 'TEAM_LEAD',
      estimatedHours: 8,
      description: 'Review the balance sheet, income statement and cash flow, and write up the findings.',
      requiredSkills: ['financial-statements', 'audit'],
      checklist: ['Analyse the balance sheet', 'Review the income statement', 'Check the cash flow statement', 'Write up findings and recommendations'],
    },
    {
      templateId: 'tpl-payroll-setup',
      name: 'Payroll Setup',
      category: 'Payroll',
      defaultAssigneeRole: 'TEAM_MEMBER',
      estimatedHours: 3,
      description: 'Set up payroll for a client’s team and run the first payroll together.',
      requiredSkills: ['payroll'],
      checklist: ['Collect employee details and tax forms', 'Configure pay schedules and withholdings', 'Run and check the first payroll with the client'],
    },
  ],
};

/**
 * Requests kept from a run before the KPI counters existed were never counted: count the firm's
 * requests once, from scratch (a firm with counters is left alone).
 */
async function countKpisOnce(tenantId: string, timeZone: string): Promise<void> {
  const db = database();
  if ((await db.entities.kpi.get({ tenantId, bucket: 'totals' }).go()).data) return;
  const { data: requests } = await db.entities.serviceRequest.query.byFirm({ tenantId }).go({ pages: 'all' });
  const standing = requests
    .filter((r) => !r.deletedAt)
    .map((r) => ({ ...kpiStateOf(r), createdAt: r.createdAt, updatedAt: r.updatedAt, completedAt: r.completedAt }));
  for (const c of recount(standing, timeZone)) {
    const update = db.entities.kpi.update({ tenantId, bucket: c.bucket }).add(c.add);
    await (c.label ? update.set({ label: c.label }) : update).go();
  }
}

export async function seedDemoData(pool: LocalPool): Promise<void> {
  const db = database();
  const welcome = { tenantId: 't-designpi', code: 'WELCOME10' };
  if (!(await db.entities.promo.get(welcome).go()).data)
    await db.entities.promo.create({ ...welcome, kind: 'percent', value: 10, maxUses: 100, oncePerClient: true }).go();
  for (const { tenant, users } of DEMO_TENANTS) {
    const existing = await db.entities.tenant.get({ tenantId: tenant.tenantId }).go();
    if (!existing.data) await db.entities.tenant.create(tenant).go();
    // Data kept from an older run: keep what was changed since, fill in fields and index keys added since.
    else await db.entities.tenant.upsert({ ...tenant, ...existing.data }).go();
    // Their slugs are claimed for good, as the platform claims every firm's (ADR 0035).
    if (!(await db.entities.slugClaim.get({ slug: tenant.slug }).go()).data)
      await db.entities.slugClaim.create({ slug: tenant.slug, tenantId: tenant.tenantId }).go();
    for (const service of DEMO_SERVICES[tenant.tenantId] ?? []) {
      const key = { tenantId: tenant.tenantId, serviceId: service.serviceId };
      if (!(await db.entities.service.get(key).go()).data) await db.entities.service.create({ ...service, ...key, currency: tenant.currency }).go();
    }
    const templates = DEMO_TEMPLATES[tenant.tenantId] ?? [];
    for (const template of templates) {
      const key = { tenantId: tenant.tenantId, templateId: template.templateId };
      if (!(await db.entities.taskTemplate.get(key).go()).data) {
        await db.entities.taskTemplate.create({ ...template, ...key }).go();
        await db.entities.counter.update({ tenantId: tenant.tenantId, name: TEMPLATE_COUNTER }).add({ value: 1 }).go();
      }
    }
    await countKpisOnce(tenant.tenantId, tenant.timeZone);
    for (const user of users) {
      const userId = await ensureCognitoUser(pool, { email: user.email, password: DEMO_PASSWORD, tenantId: tenant.tenantId, role: user.role });
      const found = await db.entities.user.get({ tenantId: tenant.tenantId, userId }).go();
      if (!found.data) await db.entities.user.create({ ...user, tenantId: tenant.tenantId, userId, status: 'active' }).go();
      // Kept from an older run: keep what was changed since, fill in index keys added since (e.g. by role).
      else await db.entities.user.upsert({ ...found.data }).go();
    }
    await seedCustomers(tenant.tenantId);
    await seedConversations(tenant.tenantId);
  }
}
