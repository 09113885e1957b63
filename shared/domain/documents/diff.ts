/**
 * Comparing two text versions of a document line by line: the longest common subsequence
 * (dynamic programming over the lines, which MAX_DIFF_LINES bounds), then long unchanged runs
 * folded to a few lines of context around each change, as a reviewer reads a diff.
 */
export const DIFF_CHANGES = ['same', 'added', 'removed', 'folded'] as const;
export type DiffChange = (typeof DIFF_CHANGES)[number];
export interface DiffLine {
  change: DiffChange;
  text: string;
}

/** More lines than this (either side) are not compared: the table would be too large to compute in a request. */
export const MAX_DIFF_LINES = 2000;
const CONTEXT = 3;

const linesOf = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');

/** The lines of `before` and `after` as kept, removed and added, in order; `undefined` when either has too many lines. */
export function diffLines(before: string, after: string): DiffLine[] | undefined {
  const a = before ? linesOf(before) : [];
  const b = after ? linesOf(after) : [];
  if (a.length > MAX_DIFF_LINES || b.length > MAX_DIFF_LINES) return undefined;
  // common[i][j]: the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ change: 'same', text: a[i]! });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) lines.push({ change: 'removed', text: a[i++]! });
    else lines.push({ change: 'added', text: b[j++]! });
  }
  return fold(lines);
}

/** Unchanged runs longer than the context on both sides become one `folded` line saying how many. */
function fold(lines: DiffLine[]): DiffLine[] {
  const near = lines.map((_, k) => lines.slice(Math.max(0, k - CONTEXT), k + CONTEXT + 1).some((l) => l.change !== 'same'));
  const out: DiffLine[] = [];
  let hidden = 0;
  for (const [k, line] of lines.entries()) {
    if (line.change === 'same' && !near[k]) {
      hidden++;
      continue;
    }
    if (hidden) out.push({ change: 'folded', text: String(hidden) });
    hidden = 0;
    out.push(line);
  }
  if (hidden) out.push({ change: 'folded', text: String(hidden) });
  return out;
}
