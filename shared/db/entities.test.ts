import { Validator } from 'jsonschema';
import { describe, expect, it } from 'vitest';
import { AuditEntry } from './entities/audit-entry.ts';
import { OutboxEvent } from './entities/outbox-event.ts';
import { RevokedToken } from './entities/revoked-token.ts';
import { SignInGuard } from './entities/sign-in-guard.ts';
import { Tenant } from './entities/tenant.ts';
import { User } from './entities/user.ts';

/**
 * ElectroDB validates each definition with the real jsonschema when the entity is built, as
 * here. The Lambda bundle skips that repeat (infra/bundling/jsonschema-prevalidated.ts).
 */
describe('entity definitions', () => {
  it('are built and validated by ElectroDB with the real schema validator', () => {
    expect(new Validator().validate({}, { type: 'string' }).errors).toHaveLength(1); // the real one, not the bundle's
    for (const entity of [Tenant, User, AuditEntry, OutboxEvent, RevokedToken, SignInGuard]) expect(entity.schema.model.entity).toBeTruthy();
  });

  it('put every partition key under its tenant, except the firm directory by slug and pre-sign-in guards', () => {
    const tenant = Tenant.create({ tenantId: 't1', slug: 'firm', name: 'F', timeZone: 'UTC', currency: 'USD' }).params({ table: 'portal' }) as { Item: Record<string, string> };
    expect([tenant.Item.pk, tenant.Item.gsi1pk]).toEqual(['t#t1', 'slug#firm']);
    const user = User.create({ tenantId: 't1', userId: 'u1', email: 'a@b.c', name: 'A', role: 'CLIENT' }).params({ table: 'portal' }) as { Item: Record<string, string> };
    expect(user.Item.pk).toBe('t#t1');
    expect(user.Item.gsi1pk).toBe('t#t1#email#a@b.c');
    const audit = AuditEntry.create({ tenantId: 't1', auditId: 'a', at: '2026-01-01', actorId: 'u', actorRole: 'ADMIN', action: 'x', entityType: 'user', entityId: 'u1' }).params({ table: 'portal' }) as { Item: Record<string, string> };
    expect([audit.Item.pk, audit.Item.gsi1pk, audit.Item.gsi2pk].every((k) => k!.startsWith('t#t1#'))).toBe(true);
    const revoked = RevokedToken.create({ tenantId: 't1', jti: 'j', userId: 'u', expiresAt: 1 }).params({ table: 'portal' }) as { Item: Record<string, string> };
    expect(revoked.Item.pk).toBe('t#t1#revoked#j');
    const guard = SignInGuard.create({ scope: 'source', subject: '203.0.113.9#1', expiresAt: 1 }).params({ table: 'portal' }) as { Item: Record<string, string> };
    expect(guard.Item.pk).toBe('guard#source#203.0.113.9#1');
  });
});
