import { describe, expect, it } from 'vitest';
import { diffLines, MAX_DIFF_LINES } from './diff.ts';

const changes = (before: string, after: string) =>
  diffLines(before, after)!.map((l) => `${{ same: ' ', added: '+', removed: '-', folded: '~' }[l.change]}${l.text}`);

describe('comparing two text versions', () => {
  it('keeps what both have and marks what was removed and added, in order', () => {
    expect(changes('a\nb\nc\n', 'a\nB\nc\nd\n')).toEqual([' a', '-b', '+B', ' c', '+d']);
  });

  it('treats Windows and Unix line ends alike (nothing changed: all folded), and an empty side as all added or removed', () => {
    expect(changes('a\r\nb\r\n', 'a\nb\n')).toEqual(['~2']);
    expect(changes('', 'x\ny')).toEqual(['+x', '+y']);
    expect(changes('x', '')).toEqual(['-x']);
  });

  it('folds long unchanged runs, keeping three lines of context around each change', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    expect(changes(before, after)).toEqual(['~7', ' line 7', ' line 8', ' line 9', '-line 10', '+line ten', ' line 11', ' line 12', ' line 13', '~6']);
  });

  it('finds the smallest change, not just any', () => {
    const result = diffLines('x\na\nb\nc', 'a\nb\nc\nx')!;
    expect(result.filter((l) => l.change !== 'same')).toHaveLength(2);
  });

  it('declines texts too long to compare in a request', () => {
    expect(diffLines('a\n'.repeat(MAX_DIFF_LINES + 1), 'a')).toBeUndefined();
  });
});
