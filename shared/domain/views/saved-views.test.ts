import { describe, expect, it } from 'vitest';
import { MAX_SAVED_VIEWS, sameName, savedViewProblem } from './saved-views.ts';

describe('saved views', () => {
  it.each([
    ['My open work', 'my open work', true],
    ['My open work', '  my   OPEN work ', true],
    ['Urgent', 'Urgent ones', false],
    ['Ärger', 'ärger', true],
  ])('"%s" and "%s" are the same name: %s', (a, b, same) => expect(sameName(a, b)).toBe(same));

  it.each([
    { names: [], name: 'First', problem: undefined },
    { names: ['Urgent', 'Mine'], name: 'Due this week', problem: undefined },
    { names: ['Urgent', 'Mine'], name: ' urgent', problem: 'name_taken' },
    { names: Array.from({ length: MAX_SAVED_VIEWS - 1 }, (_, i) => `View ${i}`), name: 'One more', problem: undefined },
    { names: Array.from({ length: MAX_SAVED_VIEWS }, (_, i) => `View ${i}`), name: 'One more', problem: 'too_many' },
    // A name already taken is the more useful thing to say, even when the list is full.
    { names: Array.from({ length: MAX_SAVED_VIEWS }, (_, i) => `View ${i}`), name: 'view 3', problem: 'name_taken' },
  ])('$name among $names.length views: $problem', ({ names, name, problem }) => expect(savedViewProblem(names, name)).toBe(problem));
});
