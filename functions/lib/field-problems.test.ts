import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { email, requiredString } from '../../shared/api/schemas/common.ts';
import { fieldProblems } from './http.ts';

const problemsOf = (schema: z.ZodMiniType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a problem');
  return fieldProblems(result.error).map(({ field, rule, limit }) => ({ field, rule, ...(limit !== undefined && { limit }) }));
};

describe('field problems name the rule broken, for readers of any language', () => {
  const form = z.object({
    name: requiredString(5),
    email,
    tags: z.array(z.string()).check(z.maxLength(2)),
    count: z.number().check(z.minimum(1)),
    size: z.enum(['s', 'm']),
    note: z.optional(z.string().check(z.minLength(3))),
  });

  it.each([
    ['a missing value', { email: 'a@b.co', tags: [], count: 1, size: 's' }, { field: 'name', rule: 'required' }],
    ['an empty one', { name: ' ', email: 'a@b.co', tags: [], count: 1, size: 's' }, { field: 'name', rule: 'required' }],
    ['one of the wrong type', { name: 7, email: 'a@b.co', tags: [], count: 1, size: 's' }, { field: 'name', rule: 'type' }],
    ['text too long', { name: 'abcdef', email: 'a@b.co', tags: [], count: 1, size: 's' }, { field: 'name', rule: 'too_long', limit: 5 }],
    ['text too short', { name: 'a', email: 'a@b.co', tags: [], count: 1, size: 's', note: 'ab' }, { field: 'note', rule: 'too_short', limit: 3 }],
    ['a bad format', { name: 'a', email: 'nope', tags: [], count: 1, size: 's' }, { field: 'email', rule: 'format' }],
    ['too many items', { name: 'a', email: 'a@b.co', tags: ['x', 'y', 'z'], count: 1, size: 's' }, { field: 'tags', rule: 'too_many', limit: 2 }],
    ['a number too small', { name: 'a', email: 'a@b.co', tags: [], count: 0, size: 's' }, { field: 'count', rule: 'too_small', limit: 1 }],
    ['a value not among the choices', { name: 'a', email: 'a@b.co', tags: [], count: 1, size: 'xl' }, { field: 'size', rule: 'choice' }],
  ])('%s', (_, value, expected) => {
    expect(problemsOf(form, value)).toEqual([expected]);
  });

  it('calls a custom check "invalid", keeping its own message for English readers', () => {
    const schema = z.string().check(z.refine((v) => v !== 'x', 'is taken'));
    const [problem] = fieldProblems(schema.safeParse('x').error!);
    expect(problem).toEqual({ field: 'body', message: 'is taken', rule: 'invalid' });
  });
});
