/**
 * Demo data for the local stage only (never part of a deployable stack): the firm DesignPi
 * with its staff and clients, and a second firm so tenant isolation can be seen.
 * Idempotent: existing tenants and users are left as they are.
 */
import type { EntityItem } from 'electrodb';
import type { User } from '../../shared/db/entities/user.ts';
import { database } from '../../shared/db/all-entities.ts';
import { ensureCognitoUser, type LocalPool } from './cognito.ts';

/** Fixed demo password, listed in the README. Exists only in the local stage. */
export const DEMO_PASSWORD = 'Demo-Passw0rd!';

type SeedUser = Omit<EntityItem<typeof User>, 'tenantId' | 'userId' | 'createdAt' | 'updatedAt' | 'version' | 'status'>;

const weekdays = (start: string, end: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start, end }]])) as SeedUser['workingHours'];

export const DEMO_TENANTS = [
  {
    tenant: { tenantId: 't-designpi', slug: 'designpi', name: 'DesignPi', timeZone: 'America/New_York', currency: 'USD', locale: 'en' as const, clientSignUp: true },
    users: [
      { email: 'hello@designpi.com', name: 'Diana Price', role: 'ADMIN', locale: 'en', timeZone: 'America/New_York', position: 'Managing Partner' },
      {
        email: 'sarah@designpi.com', name: 'Sarah Johnson', role: 'TEAM_LEAD', phone: '+1-555-0101', locale: 'en', timeZone: 'America/New_York',
        employeeId: 'EMP-001', department: 'Accounting', position: 'Senior Accountant', skills: ['tax-preparation', 'bookkeeping', 'financial-statements', 'audit'],
        expertiseLevel: 'senior', hourlyRate: 9500, availabilityStatus: 'available', maxConcurrentProjects: 5, hireDate: '2019-03-15', workingHours: weekdays('09:00', '17:00'),
      },
      {
        email: 'mike@designpi.com', name: 'Mike Chen', role: 'TEAM_MEMBER', phone: '+1-555-0102', locale: 'en', timeZone: 'America/Los_Angeles',
        employeeId: 'EMP-002', department: 'Advisory', position: 'Tax Consultant', skills: ['tax-preparation', 'payroll', 'consulting'],
        expertiseLevel: 'intermediate', hourlyRate: 7500, availabilityStatus: 'available', maxConcurrentProjects: 3, hireDate: '2021-08-02', workingHours: weekdays('08:00', '16:00'),
      },
      { email: 'john@example.com', name: 'John Doe', role: 'CLIENT', company: 'Acme Corporation', locale: 'en', timeZone: 'America/Chicago' },
      { email: 'jane@example.com', name: 'Jane Smith', role: 'CLIENT', company: 'Tech Solutions Inc', locale: 'en', timeZone: 'Europe/London' },
      { email: 'bob@example.com', name: 'Bob Wilson', role: 'CLIENT', company: 'Global Ventures LLC', locale: 'en', timeZone: 'Asia/Kolkata' },
    ] satisfies SeedUser[],
  },
  {
    tenant: { tenantId: 't-northwind', slug: 'northwind', name: 'Northwind Advisory', timeZone: 'Europe/London', currency: 'GBP', locale: 'en' as const },
    users: [
      { email: 'admin@northwind.example', name: 'Nora Whitfield', role: 'ADMIN', locale: 'en', timeZone: 'Europe/London', position: 'Director' },
      {
        email: 'omar@northwind.example', name: 'Omar Haddad', role: 'TEAM_MEMBER', locale: 'ar', timeZone: 'Asia/Dubai', department: 'IT', position: 'Engineer',
        skills: ['cloud', 'security'], expertiseLevel: 'expert', hourlyRate: 12000, availabilityStatus: 'available', maxConcurrentProjects: 3, workingHours: weekdays('09:00', '18:00'),
      },
      { email: 'priya@client.example', name: 'Priya Sharma', role: 'CLIENT', company: 'Sharma Textiles', locale: 'hi', timeZone: 'Asia/Kolkata' },
    ] satisfies SeedUser[],
  },
];

export async function seedDemoData(pool: LocalPool): Promise<void> {
  const db = database();
  for (const { tenant, users } of DEMO_TENANTS) {
    const existing = await db.entities.tenant.get({ tenantId: tenant.tenantId }).go();
    if (!existing.data) await db.entities.tenant.create(tenant).go();
    // Data kept from an older run: keep what was changed since, fill in fields and index keys added since.
    else await db.entities.tenant.upsert({ ...tenant, ...existing.data }).go();
    for (const user of users) {
      const userId = await ensureCognitoUser(pool, { email: user.email, password: DEMO_PASSWORD, tenantId: tenant.tenantId, role: user.role });
      const found = await db.entities.user.get({ tenantId: tenant.tenantId, userId }).go();
      if (!found.data) await db.entities.user.create({ ...user, tenantId: tenant.tenantId, userId, status: 'active' }).go();
    }
  }
}
