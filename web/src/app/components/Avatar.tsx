/** A person's initials in a circle, its colour always the same for the same name (and readable in light and dark). */
const TONES = [
  'bg-brand-100 text-brand-800',
  'bg-amber-100 text-amber-900',
  'bg-green-100 text-green-800',
  'bg-red-100 text-red-800',
  'bg-blue-100 text-blue-900',
  'bg-slate-200 text-slate-800',
];

/** "Mike Chen" → "MC", "प्रिया शर्मा" → "पश": the first letter of the first two words. */
export const initialsOf = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toLocaleUpperCase())
    .join('');

const toneOf = (name: string) => TONES[[...name].reduce((sum, c) => (sum * 31 + c.codePointAt(0)!) % 9973, 0) % TONES.length];

/** Decorative: the name is always written beside it. */
export function Avatar({ name }: { name: string }) {
  return (
    <span aria-hidden="true" className={`inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${toneOf(name)}`}>
      {initialsOf(name)}
    </span>
  );
}
