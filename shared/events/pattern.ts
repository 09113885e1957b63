/**
 * EventBridge content filtering, for the local bus: the same rule patterns CDK deploys decide
 * which consumers get an event. Covers literal values, prefix, suffix, anything-but, exists
 * and numeric, with AWS's semantics: every key must match; an array field matches when any of
 * its elements does; a missing field matches only `{ exists: false }`.
 */
export type Pattern = { [key: string]: Pattern | Matcher[] };

type Literal = string | number | boolean | null;
type Matcher =
  | Literal
  | { prefix: string }
  | { suffix: string }
  | { 'anything-but': Literal | Literal[] | { prefix: string } }
  | { exists: boolean }
  | { numeric: (string | number)[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function numericMatches(conditions: (string | number)[], value: unknown): boolean {
  if (typeof value !== 'number') return false;
  for (let i = 0; i < conditions.length; i += 2) {
    const [op, bound] = [conditions[i], Number(conditions[i + 1])];
    const ok =
      op === '<'
        ? value < bound
        : op === '<='
          ? value <= bound
          : op === '>'
            ? value > bound
            : op === '>='
              ? value >= bound
              : op === '='
                ? value === bound
                : false;
    if (!ok) return false;
  }
  return true;
}

function matchesOne(matcher: Matcher, value: unknown): boolean {
  if (!isObject(matcher)) return value === matcher;
  if ('prefix' in matcher) return typeof value === 'string' && value.startsWith(matcher.prefix);
  if ('suffix' in matcher) return typeof value === 'string' && value.endsWith(matcher.suffix);
  if ('numeric' in matcher) return numericMatches(matcher.numeric, value);
  if ('anything-but' in matcher) {
    const but = matcher['anything-but'];
    if (isObject(but)) return typeof value === 'string' && !value.startsWith(but.prefix);
    return !(Array.isArray(but) ? but : [but]).includes(value as Literal);
  }
  return false;
}

function fieldMatches(matchers: Matcher[], value: unknown): boolean {
  const exists = matchers.find((m): m is { exists: boolean } => isObject(m) && 'exists' in m);
  if (exists) return exists.exists === (value !== undefined);
  if (value === undefined) return false;
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => matchers.some((m) => matchesOne(m, v)));
}

export function matchesPattern(pattern: Pattern, event: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    const value = event[key];
    if (Array.isArray(expected)) return fieldMatches(expected, value);
    return isObject(value) && matchesPattern(expected, value);
  });
}
