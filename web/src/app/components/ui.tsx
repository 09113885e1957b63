/**
 * The portal's building blocks, so pages share one look instead of copying class strings:
 * a button in its variants, a card (a white panel), a page's heading and status chips.
 */
import { createElement, type ButtonHTMLAttributes, type ComponentPropsWithoutRef, type ReactNode } from 'react';

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

const VARIANTS = {
  primary: 'bg-brand-600 font-medium text-white hover:bg-brand-700',
  secondary: 'border border-slate-300 hover:bg-slate-100',
  danger: 'bg-red-700 font-medium text-white hover:bg-red-800',
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

/** Every status of the portal in one of five families, each with one colour wherever it is shown. */
const FAMILIES = {
  waiting: ['draft', 'todo', 'pending', 'invited', 'held', 'offline', 'archived', 'open'],
  moving: ['submitted', 'in_review', 'approved', 'assigned', 'in_progress', 'busy', 'uploading', 'scanning'],
  attention: ['blocked', 'on_leave', 'inactive', 'deprecated', 'expired', 'unscannable', 'waiting_for_client'],
  done: ['completed', 'done', 'accepted', 'active', 'confirmed', 'available', 'resolved', 'closed'],
  stopped: ['cancelled', 'deactivated', 'revoked', 'quarantined', 'rejected', 'deleted'],
} as const;
type Family = keyof typeof FAMILIES;
const FAMILY_CLASSES: Record<Family, string> = {
  waiting: 'bg-slate-100 text-slate-700',
  moving: 'bg-brand-50 text-brand-800',
  attention: 'bg-amber-50 text-amber-900',
  done: 'bg-green-50 text-green-800',
  stopped: 'bg-red-50 text-red-800',
};
const familyOf = (status: string): Family => (Object.keys(FAMILIES) as Family[]).find((f) => (FAMILIES[f] as readonly string[]).includes(status)) ?? 'waiting';

/** A status as a chip coloured by its family; its text is the reader's word for it. */
export function StatusChip({ status, children }: { status: string; children: ReactNode }) {
  return <span className={classes('inline-block rounded-full px-2 py-0.5 text-xs font-medium', FAMILY_CLASSES[familyOf(status)])}>{children}</span>;
}

/** A full-width select or text area under its label, as `Field` draws its input. */
export const CONTROL = 'mt-1 block w-full rounded border border-slate-300 px-3 py-2';
