import type { ReactNode } from 'react';
import { format } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { useText } from '../i18n/text.ts';

/**
 * A table that may be wider than the screen: it scrolls sideways, and so it is a named region
 * that takes focus, for keyboard users to scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const t = useText(commonText);
  return (
    <div
      role="region"
      aria-label={format(t.scrollable, { name: label })}
      tabIndex={0}
      className="overflow-x-auto rounded-lg bg-white shadow focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      {children}
    </div>
  );
}
