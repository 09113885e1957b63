import { describe, expect, it } from 'vitest';
import { tagChanges, tagKey, tidyTags } from './tags.ts';

describe('document tags', () => {
  it('are kept tidied, each once in any letter case, the first spelling winning', () => {
    expect(tidyTags(['  Tax   2025 ', 'W-2', 'tax 2025', '', 'w-2', 'Signed'])).toEqual(['Tax 2025', 'W-2', 'Signed']);
  });

  it('are searched by their key, whatever the case and spacing typed', () => {
    expect(tagKey(' TAX  2025')).toBe('tax 2025');
  });

  it('change by what is added and taken away, a new spelling of the same tag being no change', () => {
    expect(tagChanges(['Tax 2025', 'W-2'], ['tax 2025', 'Signed'])).toEqual({ added: ['signed'], removed: ['w-2'] });
    expect(tagChanges([], [])).toEqual({ added: [], removed: [] });
  });
});
