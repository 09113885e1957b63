/**
 * Saved views: a person's named filters for a list, one click away. They are personal: nobody
 * else sees or changes them, and a firm's data is never in them, only the filters.
 */

/** The lists a view can be saved for. */
export const SAVED_VIEW_LISTS = ['requests'] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

/** Enough for the views a person keeps to hand, few enough to show as one row of choices. */
export const MAX_SAVED_VIEWS = 20;
export const MAX_VIEW_NAME = 60;

/** Names compare without letter case or runs of spaces: "My open work" is "my  open WORK". */
export const sameName = (a: string, b: string) => normalise(a) === normalise(b);
const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** Why a new view cannot join the person's views of that list, or undefined when it can. */
export function savedViewProblem(existingNames: readonly string[], name: string): 'name_taken' | 'too_many' | undefined {
  if (existingNames.some((existing) => sameName(existing, name))) return 'name_taken';
  if (existingNames.length >= MAX_SAVED_VIEWS) return 'too_many';
  return undefined;
}
