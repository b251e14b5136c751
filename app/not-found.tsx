import Link from "next/link";
import { buttonClass } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  // Outside the dashboard shell (the root layout has no <main>), so the page brings its own.
  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none"
    >
      <EmptyState
        title="Not found"
        headingLevel={1}
        action={
          <div className="flex gap-2">
            <Link href="/" className={buttonClass("primary")}>
              Scorecard
            </Link>
            <Link href="/accounts" className={buttonClass("secondary")}>
              Accounts
            </Link>
          </div>
        }
      >
        This page does not exist. An account that was removed, or a collection
        id that was never used, ends up here too.
      </EmptyState>
    </main>
  );
}
