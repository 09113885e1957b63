/** The signed-in frame's shape while the session and the page load (layouts/AppSkeleton.astro is the same, in the HTML). */
export function AppSkeleton() {
  return (
    <div className="min-h-screen lg:flex" aria-busy="true">
      <div className="hidden w-60 shrink-0 border-e border-slate-200 bg-white lg:block" />
      <div className="min-w-0 flex-1">
        <div className="h-14 border-b border-slate-200 bg-white" />
        <div className="mx-auto max-w-6xl animate-pulse space-y-4 px-4 py-8">
          <div className="h-8 w-64 rounded bg-slate-200" />
          <div className="h-40 rounded-lg bg-white shadow" />
        </div>
      </div>
    </div>
  );
}
