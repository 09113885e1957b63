import { readdirSync } from 'node:fs';
import { Entity as ElectroEntity } from 'electrodb';
import { describe, expect, it } from 'vitest';
import { ALL_ENTITIES } from './all-entities.ts';
import { Entity } from './entity.ts';
import { AuditEntry } from './entities/audit-entry.ts';
import { RevokedToken } from './entities/revoked-token.ts';
import { SignInGuard } from './entities/sign-in-guard.ts';
import { Tenant } from './entities/tenant.ts';
import { User } from './entities/user.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model
type AnyEntity = ElectroEntity<any, any, any, any>;

/** Every entity defined in ./entities, found by reading the folder so that none is missed. */
async function everyEntity(): Promise<(readonly [string, AnyEntity])[]> {
  const files = readdirSync(new URL('./entities', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const modules = await Promise.all(
    files.map(async (f) => [f, (await import(/* @vite-ignore */ new URL(`./entities/${f}`, import.meta.url).href)) as Record<string, unknown>] as const),
  );
  return modules.flatMap(([file, exports]) =>
    Object.entries(exports)
      .filter(([, value]) => value instanceof Entity)
      .map(([name, value]) => [`${file}: ${name}`, value as AnyEntity] as const),
  );
}

describe('entity definitions', () => {
  // The Lambdas skip this check at cold start (shared/db/entity.ts), so it must hold here.
  it('each pass the model validation of ElectroDB itself', async () => {
    const entities = await everyEntity();
    expect(entities.length).toBeGreaterThanOrEqual(29);
    for (const [name, entity] of entities) expect(() => new ElectroEntity(entity.schema), name).not.toThrow();
  });

  it('are all in the service the seed and the tests use (shared/db/all-entities.ts)', async () => {
    const listed = new Set<unknown>(Object.values(ALL_ENTITIES));
    expect((await everyEntity()).filter(([, entity]) => !listed.has(entity)).map(([name]) => name)).toEqual([]);
  });

  it('skip a validation that ElectroDB really runs', () => {
    expect(Object.hasOwn(ElectroEntity.prototype, '_validateModel')).toBe(true); // else the override is dead code
    const broken = { ...User.schema, indexes: { primary: { pk: { field: 'pk', composite: 'tenantId' } } } };
    expect(() => new ElectroEntity(broken as never)).toThrow(/composite/);
  });

  it('put every partition key under its tenant, except the firm directory by slug and pre-sign-in guards', () => {
    const tenant = Tenant.create({ tenantId: 't1', slug: 'firm', name: 'F', timeZone: 'UTC', currency: 'USD' }).params({ table: 'portal' }) as {
      Item: Record<string, string>;
    };
    expect([tenant.Item.pk, tenant.Item.gsi1pk]).toEqual(['t#t1', 'slug#firm']);
    const user = User.create({ tenantId: 't1', userId: 'u1', email: 'a@b.c', name: 'A', role: 'CLIENT' }).params({ table: 'portal' }) as {
      Item: Record<string, string>;
    };
    expect(user.Item.pk).toBe('t#t1');
    expect(user.Item.gsi1pk).toBe('t#t1#email#a@b.c');
    const audit = AuditEntry.create({
      tenantId: 't1',
      auditId: 'a',
      at: '2026-01-01',
      actorId: 'u',
      actorRole: 'ADMIN',
      action: 'x',
      entityType: 'user',
      entityId: 'u1',
    }).params({ table: 'portal' }) as { Item: Record<string, string> };
    expect([audit.Item.pk, audit.Item.gsi1pk, audit.Item.gsi2pk].every((k) => k!.startsWith('t#t1#'))).toBe(true);
    const revoked = RevokedToken.create({ tenantId: 't1', jti: 'j', userId: 'u', expiresAt: 1 }).params({ table: 'portal' }) as {
      Item: Record<string, string>;
    };
    expect(revoked.Item.pk).toBe('t#t1#revoked#j');
    const guard = SignInGuard.create({ scope: 'source', subject: '203.0.113.9#1', expiresAt: 1 }).params({ table: 'portal' }) as {
      Item: Record<string, string>;
    };
    expect(guard.Item.pk).toBe('guard#source#203.0.113.9#1');
  });
});
