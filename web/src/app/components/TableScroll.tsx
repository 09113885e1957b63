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

/**
 * A table of records: scrolling as above, its header row, and the rows given. The loading,
 * empty and error states around it come from `usePagedList().show` or `useLoad().show`.
 */
export function DataTable({
  label,
  headers,
  sorted,
  children,
}: {
  label: string;
  headers: readonly ReactNode[];
  /** The column the rows are in order of, and which way (announced as the header's `aria-sort`). */
  sorted?: { column: number; direction: 'ascending' | 'descending' };
  children: ReactNode;
}) {
  return (
    <TableScroll label={label}>
      <table className="w-full text-sm">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            {headers.map((header, i) => (
              <th key={i} scope="col" className="px-3 py-2 text-start" aria-sort={sorted?.column === i ? sorted.direction : undefined}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
