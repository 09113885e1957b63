import { describe, expect, it } from 'vitest';
import { uniquePaths } from './zips.ts';

describe('paths in a zip', () => {
  it('are each once, in any letter case, a repeat numbered before its extension', () => {
    expect(uniquePaths(['a/W-2.pdf', 'a/w-2.PDF', 'a/W-2.pdf', 'b/W-2.pdf', 'notes', 'notes'])).toEqual([
      'a/W-2.pdf',
      'a/w-2 (2).PDF',
      'a/W-2 (3).pdf',
      'b/W-2.pdf',
      'notes',
      'notes (2)',
    ]);
  });
});
