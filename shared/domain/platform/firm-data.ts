/**
 * A firm's own data, as its export holds it (issue 19; ADR 0038): every record of the firm, one
 * JSON line each (`records.jsonl`) and one CSV per kind of record (`csv/<kind>.csv`), beside the
 * firm's stored files (`files/…`). The table's keys are left out: they are how this table finds
 * an item, and an import makes them anew from the record for the firm it goes into.
 */
import { csvLine } from '../requests/csv.ts';

/** How long an export (and its file) is kept. */
export const FIRM_EXPORT_DAYS = 1;

/**
 * An export still building after this long has failed (its builder died past its retries, or its
 * event was dead-lettered): shown so, and no longer holding back a new one.
 */
export const FIRM_EXPORT_BUILD_HOURS = 1;
export const exportStalled = (e: { status: string; createdAt: string }, now: number): boolean =>
  e.status === 'building' && Date.parse(e.createdAt) < now - FIRM_EXPORT_BUILD_HOURS * 3_600_000;

/**
 * The machinery's items, not the firm's data: neither exported nor imported. Events already
 * announced (put back, they would be announced again) and the consumers' markers; sockets,
 * sign-in sessions, guards and secrets; holds and links that expire within days.
 */
export const NOT_FIRM_DATA: ReadonlySet<string> = new Set([
  'outbox',
  'processedEvent',
  'connection',
  'realtimeTicket',
  'revokedToken',
  'signInSession',
  'signInGuard',
  'passwordReset',
  'mfaSetup',
  'emailLink',
  'manageLink',
  'slotLock',
  'documentZip',
  'requestExport',
  'firmExport',
]);

/** One exported record: its kind and version (ElectroDB's entity) and its attributes. */
export interface FirmRecord {
  kind: string;
  version: string;
  item: Record<string, unknown>;
}

const KEY_FIELD = /^(pk|sk|gsi\d+(pk|sk))$/;

/** The record an item of the table holds (unmarshalled), or undefined for the machinery's and what is not an entity's. */
export function recordOf(item: Record<string, unknown>): FirmRecord | undefined {
  const kind = item.__edb_e__;
  if (typeof kind !== 'string' || NOT_FIRM_DATA.has(kind)) return undefined;
  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!KEY_FIELD.test(name) && !name.startsWith('__edb_')) attributes[name] = value;
  return { kind, version: String(item.__edb_v__ ?? '1'), item: attributes };
}

/** JSON with sets as arrays (DynamoDB string sets unmarshal to Set). */
export const toJson = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (v instanceof Set ? [...v] : v));

/** One kind's records as a CSV: a column per attribute any of them has, lists and maps as JSON. */
export function csvOf(items: Record<string, unknown>[]): string {
  const columns = [...new Set(items.flatMap((i) => Object.keys(i)))].sort();
  const cell = (v: unknown) => (v === undefined || v === null ? undefined : typeof v === 'string' || typeof v === 'number' ? v : toJson(v));
  // A byte-order mark, so spreadsheets read the file as UTF-8.
  return `\uFEFF${csvLine(columns)}${items.map((i) => csvLine(columns.map((c) => cell(i[c])))).join('')}`;
}

/** Where a stored file of the firm goes in the archive: its key under the firm's folder (`t/<firm>/…`). */
export const archivePathOf = (tenantId: string, objectKey: string) => `files/${objectKey.slice(`t/${tenantId}/`.length)}`;

/**
 * A record of one firm as the same record of another (an import into a fresh firm): the firm's
 * id wherever a value is exactly it, its stored files' keys (`t/<firm>/…`), and the firm's own
 * record's address. Every other value is kept as exported.
 */
export function recordFor(record: FirmRecord, from: string, to: { tenantId: string; slug: string }): FirmRecord {
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string')
      return value === from ? to.tenantId : value.startsWith(`t/${from}/`) ? `t/${to.tenantId}/${value.slice(from.length + 3)}` : value;
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    return value;
  };
  const item = rewrite(record.item) as Record<string, unknown>;
  return { ...record, item: record.kind === 'tenant' ? { ...item, slug: to.slug } : item };
}
