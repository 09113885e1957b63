import { describe, expect, it } from 'vitest';
import { matchesPattern, type Pattern } from './pattern.ts';

const event = {
  source: 'portal',
  'detail-type': 'user.invited',
  detail: { tenantId: 't-designpi', role: 'CLIENT', tags: ['vip', 'new'], amount: 120, email: 'jane.smith@example.com' },
};

// Cases follow the content-filtering rules in the EventBridge user guide.
describe('matchesPattern', () => {
  it.each<[string, Pattern, boolean]>([
    ['literal values (any of)', { source: ['portal'], 'detail-type': ['user.invited', 'user.joined'] }, true],
    ['literal mismatch', { source: ['billing'] }, false],
    ['nested fields', { detail: { role: ['CLIENT'] } }, true],
    ['nested mismatch', { detail: { role: ['ADMIN'] } }, false],
    ['array field: any element', { detail: { tags: ['vip'] } }, true],
    ['prefix', { detail: { tenantId: [{ prefix: 't-design' }] } }, true],
    ['suffix', { detail: { email: [{ suffix: '@example.com' }] } }, true],
    ['anything-but literal', { detail: { role: [{ 'anything-but': 'ADMIN' }] } }, true],
    ['anything-but list excluding the value', { detail: { role: [{ 'anything-but': ['CLIENT', 'ADMIN'] }] } }, false],
    ['anything-but prefix', { detail: { tenantId: [{ 'anything-but': { prefix: 't-north' } }] } }, true],
    ['exists true', { detail: { email: [{ exists: true }] } }, true],
    ['exists false on a present field', { detail: { email: [{ exists: false }] } }, false],
    ['exists false on a missing field', { detail: { phone: [{ exists: false }] } }, true],
    ['missing field never matches a value', { detail: { phone: ['+1'] } }, false],
    ['numeric range', { detail: { amount: [{ numeric: ['>', 100, '<=', 120] }] } }, true],
    ['numeric out of range', { detail: { amount: [{ numeric: ['<', 100] }] } }, false],
    ['every key must match', { source: ['portal'], detail: { role: ['ADMIN'] } }, false],
    ['object pattern against a scalar', { source: { nested: ['x'] } }, false],
  ])('%s', (_name, pattern, expected) => {
    expect(matchesPattern(pattern, event)).toBe(expected);
  });
});
