import { describe, expect, it } from 'vitest';
import { ALL_ENTITIES } from '../../db/all-entities.ts';
import { archivePathOf, csvOf, exportStalled, NOT_FIRM_DATA, recordFor, recordOf, toJson } from './firm-data.ts';

describe('a firm’s data as its export holds it', () => {
  it('keeps an entity’s attributes, without the table’s keys or ElectroDB’s markers', () => {
    const item = {
      pk: 't#t-a#user#u1',
      sk: 'user',
      gsi1pk: 't#t-a#email#x',
      gsi12sk: 'y',
      __edb_e__: 'user',
      __edb_v__: '1',
      tenantId: 't-a',
      userId: 'u1',
      skills: new Set(['tax']),
    };
    const record = recordOf(item)!;
    expect(record).toEqual({ kind: 'user', version: '1', item: { tenantId: 't-a', userId: 'u1', skills: new Set(['tax']) } });
    expect(toJson(record)).toBe('{"kind":"user","version":"1","item":{"tenantId":"t-a","userId":"u1","skills":["tax"]}}');
  });

  it('leaves out the machinery’s items and what is no entity’s', () => {
    expect(recordOf({ pk: 't#t-a#outbox', __edb_e__: 'outbox', __edb_v__: '1' })).toBeUndefined();
    expect(recordOf({ pk: 't#t-a#x', sk: 'y' })).toBeUndefined();
  });

  it('names only entities that exist among the machinery’s', () => {
    const kinds = new Set(Object.values(ALL_ENTITIES).map((e) => e.schema.model.entity));
    expect([...NOT_FIRM_DATA].filter((k) => !kinds.has(k))).toEqual([]);
  });

  it('writes one CSV per kind with a column for every attribute, lists as JSON, formulas defused', () => {
    const csv = csvOf([
      { name: '=SUM(A1)', tags: ['a', 'b'], open: true },
      { name: 'Lee, Ann', budget: 1250 },
    ]);
    expect(csv).toBe('\uFEFFbudget,name,open,tags\r\n,\'=SUM(A1),true,"[""a"",""b""]"\r\n1250,"Lee, Ann",,\r\n');
  });

  it('takes an export still building after an hour as failed, and no other', () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    expect(exportStalled({ status: 'building', createdAt: '2026-12-04T10:59:59Z' }, now)).toBe(true);
    expect(exportStalled({ status: 'building', createdAt: '2026-12-04T11:00:01Z' }, now)).toBe(false);
    expect(exportStalled({ status: 'ready', createdAt: '2026-12-04T09:00:00Z' }, now)).toBe(false);
  });

  it('files each stored object under its path in the firm’s folder', () => {
    expect(archivePathOf('t-a', 't/t-a/documents/d1/v2')).toBe('files/documents/d1/v2');
  });
});

describe('a firm’s records imported into a fresh firm', () => {
  const to = { tenantId: 't-new', slug: 'new' };
  it('names the new firm wherever the old one was named, and its files’ keys under the new firm', () => {
    const version = {
      kind: 'documentVersion',
      version: '1',
      item: { tenantId: 't-old', objectKey: 't/t-old/documents/d1/v1', note: 'about t-old', tags: ['t-old'] },
    };
    expect(recordFor(version, 't-old', to).item).toEqual({ tenantId: 't-new', objectKey: 't/t-new/documents/d1/v1', note: 'about t-old', tags: ['t-new'] });
  });

  it('gives the firm’s own record its new address', () => {
    expect(recordFor({ kind: 'tenant', version: '1', item: { tenantId: 't-old', slug: 'old', name: 'Old' } }, 't-old', to).item).toEqual({
      tenantId: 't-new',
      slug: 'new',
      name: 'Old',
    });
  });
});
