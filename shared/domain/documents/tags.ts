/**
 * A document's tags (issue 17): words staff give a document to find it by ("2025", "W-2",
 * "signed"). The same tag in any letter case is one tag; the first spelling is kept.
 */

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/** A tag as typed, tidied: no space around it, one space inside. */
export const tidyTag = (tag: string) => tag.trim().replace(/\s+/g, ' ');

/** Its identity, as searched. */
export const tagKey = (tag: string) => tidyTag(tag).toLowerCase();

/** Tags as kept: tidied, none empty, each once (the first spelling wins), in the order given. */
export function tidyTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.map(tidyTag).filter((tag) => tag && !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
}

/** The tag keys a change adds and takes away. */
export function tagChanges(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const [was, is] = [new Set(before.map(tagKey)), new Set(after.map(tagKey))];
  return { added: [...is].filter((k) => !was.has(k)), removed: [...was].filter((k) => !is.has(k)) };
}
