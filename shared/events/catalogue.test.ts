import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outboxItem } from '../db/mutation.ts';
import { eventsDocument } from './catalogue-doc.ts';
import { detailProblems, EVENT_TYPES } from './catalogue.ts';
import { PORTAL_RULES, typesOf } from './rules.ts';

const written = { entityId: 'u1', actorId: 'admin' };

describe('the event catalogue', () => {
  it('knows every event type a rule routes', () => {
    expect(PORTAL_RULES.flatMap(typesOf).filter((type) => !(EVENT_TYPES as string[]).includes(type))).toEqual([]);
  });

  it.each([
    ['an unknown type', 'user.vanished', { userId: 'u1', ...written }, 'type: user.vanished is not in the event catalogue (shared/events/catalogue.ts)'],
    ['a missing field', 'user.invited', { userId: 'u1', role: 'CLIENT', ...written }, 'invitationId'],
    ['a field of the wrong type', 'user.updated', { userId: 'u1', fields: 'name', ...written }, 'fields'],
    ['a value outside its set', 'user.invited', { userId: 'u1', invitationId: 'i1', role: 'OWNER', ...written }, 'role'],
    ['a field it does not have', 'user.deactivated', { userId: 'u1', password: 'secret', ...written }, 'detail'],
  ])('rejects %s', (_, type, detail, named) => {
    const problems = detailProblems(type, detail);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('; ')).toContain(named);
  });

  it('accepts a detail that fits', () => {
    expect(detailProblems('user.invited', { userId: 'u1', invitationId: 'i1', role: 'CLIENT', ...written })).toEqual([]);
  });

  it('is checked by the outbox writer, before anything is written', () => {
    const event = { type: 'user.invited', detail: { userId: 'u1', role: 'CLIENT' } } as never;
    expect(() => outboxItem('t1', event, written)).toThrow(/user.invited event does not fit the event catalogue: invitationId/);
    const item = outboxItem('t1', { type: 'user.deactivated', detail: { userId: 'u1' } }, { ...written, correlationId: 'req-1' });
    expect(item).toMatchObject({
      tenantId: 't1',
      type: 'user.deactivated',
      detail: { userId: 'u1', entityId: 'u1', actorId: 'admin', correlationId: 'req-1' },
    });
  });

  it('is what docs/events.md says (npm run docs:events writes it)', () => {
    expect(readFileSync(join(import.meta.dirname, '../../docs/events.md'), 'utf8')).toBe(eventsDocument());
  });
});
