import { describe, expect, it } from 'vitest';
import { diffFields } from './diff.ts';

describe('diffFields', () => {
  it('lists only changed fields, sorted, with null for missing sides', () => {
    expect(diffFields({ role: 'CLIENT', name: 'A', skills: ['x'] }, { role: 'ADMIN', name: 'A', skills: ['x'], phone: '1' })).toEqual([
      { field: 'phone', from: null, to: '1' },
      { field: 'role', from: 'CLIENT', to: 'ADMIN' },
    ]);
  });
  it('compares nested values by content', () => {
    expect(diffFields({ hours: { mon: [{ start: '09:00' }] } }, { hours: { mon: [{ start: '09:00' }] } })).toEqual([]);
    expect(diffFields({ hours: { mon: [] } }, { hours: { mon: [{ start: '10:00' }] } })).toHaveLength(1);
  });
});
