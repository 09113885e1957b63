import { validationFailed } from '../api/errors.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const isBadCursor = (e: unknown): boolean => {
  if (!(e instanceof Error)) return false;
  const cause = (e as { cause?: unknown }).cause;
  // DynamoDB refuses a start key from another partition or index; ElectroDB refuses undecodable ones.
  return (cause instanceof Error && cause.name === 'ValidationException') || /cursor/i.test(e.message);
};

/**
 * One Query page. A cursor that does not belong to this query (forged, or from another
 * tenant's list) is the caller's mistake: 400 naming `query.cursor`, never a 500 or a leak.
 */
export async function queryPage<Item, View>(
  cursor: string | undefined,
  run: (cursor: string | null) => Promise<{ data: Item[]; cursor: string | null }>,
  view: (item: Item) => View,
): Promise<Page<View>> {
  try {
    const result = await run(cursor ?? null);
    return { items: result.data.map(view), nextCursor: result.cursor };
  } catch (e) {
    if (cursor && isBadCursor(e)) throw validationFailed([{ field: 'query.cursor', message: 'does not belong to this list' }]);
    throw e;
  }
}

/** Every page of a query in turn, for jobs that visit all of something (never a request path). */
export async function* allPages<T>(fetch: (cursor: string | null) => Promise<{ data: T[]; cursor: string | null }>): AsyncGenerator<T[]> {
  let cursor: string | null = null;
  do {
    const page: { data: T[]; cursor: string | null } = await fetch(cursor);
    yield page.data;
    cursor = page.cursor;
  } while (cursor);
}
