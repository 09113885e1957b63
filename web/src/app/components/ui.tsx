/**
 * The portal's building blocks, so pages share one look instead of copying class strings:
 * a button in its variants, a card (a white panel) and a page's heading.
 */
import { createElement, type ButtonHTMLAttributes, type ComponentPropsWithoutRef, type ReactNode } from 'react';

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

const VARIANTS = {
  primary: 'bg-brand-600 font-medium text-white hover:bg-brand-700',
  secondary: 'border border-slate-300 hover:bg-slate-100',
};
const SIZES = { md: 'px-4 py-2', sm: 'px-3 py-1 text-sm' };

/** A button: the brand's for the main action, a quieter one beside it; `type` as in HTML. */
export function Button({
  variant = 'primary',
  size = 'md',
  className,
  ...button
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS; size?: keyof typeof SIZES }) {
  return <button className={classes('rounded disabled:opacity-60', VARIANTS[variant], SIZES[size], className)} {...button} />;
}

type CardTag = 'section' | 'form' | 'div' | 'fieldset' | 'dl';

/** A white panel holding one part of a page: a section by default, or the form or list it is. */
export function Card<T extends CardTag = 'section'>({ as, className, ...props }: { as?: T } & ComponentPropsWithoutRef<T>) {
  return createElement(as ?? 'section', { ...props, className: classes('rounded-lg bg-white p-6 shadow', className) });
}

/** A page's title, what it is for, and its actions beside it. */
export function PageHeader({ title, lead, actions }: { title: ReactNode; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {lead && <p className="mt-1 text-slate-600">{lead}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
