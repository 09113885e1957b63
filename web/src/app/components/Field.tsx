import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** A labelled input with its error announced and linked for screen readers. */
export function Field({
  label,
  error,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | undefined; hint?: (id: string) => ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy}
        className="mt-1 w-full rounded border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-500 read-only:bg-slate-100"
        {...input}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
      {hint?.(`${id}-hint`)}
    </div>
  );
}
