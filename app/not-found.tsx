import { NotFoundContent } from "@/components/shell/not-found-content";

/** A URL no route matches: outside the dashboard shell (the root layout has no <main>), so it brings its own. */
export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none">
      <NotFoundContent />
    </main>
  );
}
