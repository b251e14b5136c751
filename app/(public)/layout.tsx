import type { ReactNode } from "react";

/** Pages reachable without signing in: a narrow column, no navigation into the dashboard. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-md flex-1 px-4 py-12 focus:outline-none">
      <p className="mb-6 text-lg font-semibold tracking-tight">iamfit</p>
      {children}
    </main>
  );
}
