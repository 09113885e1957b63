/**
 * Every item of these keys that exists, by BatchGet: what DynamoDB leaves unprocessed (under
 * load, or past 16 MB) is asked for again, so a missing item means it does not exist.
 */
export async function getAll<Key, Item>(read: (keys: Key[]) => Promise<{ data: Item[]; unprocessed: Key[] }>, keys: readonly Key[]): Promise<Item[]> {
  const items: Item[] = [];
  let left = [...keys];
  for (let attempt = 0; left.length && attempt < 5; attempt++) {
    if (attempt) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    const { data, unprocessed } = await read(left);
    items.push(...data);
    left = unprocessed;
  }
  if (left.length) throw new Error(`${left.length} items could not be read: DynamoDB left them unprocessed five times`);
  return items;
}
