import type { ReactNode } from 'react';
import { ReaderOptions } from './ReaderOptions.tsx';

/** The frame of a public page (no sign-in, no area navigation): the language switch and the content. */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-10">
      <div className="mb-6 flex justify-end">
        <ReaderOptions />
      </div>
      {children}
    </main>
  );
}
