import type { UserView } from '../../../../shared/api/schemas/user.ts';
import { call } from '../api.ts';

/** Stops a runaway list: a firm this large needs a search box, not a select. */
const MAX_PEOPLE = 2000;

/** Everyone in the firm, by name, for a picker: page after page (one Query each), not only the first hundred. */
export async function allPeople(): Promise<UserView[]> {
  const people: UserView[] = [];
  let cursor: string | undefined;
  do {
    const page = await call('listUsers', { query: { limit: 100, cursor } });
    people.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && people.length < MAX_PEOPLE);
  return people.sort((a, b) => a.name.localeCompare(b.name));
}
