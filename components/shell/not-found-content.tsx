import Link from "next/link";
import { buttonClass } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";

export function NotFoundContent() {
  return (
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
      This page does not exist. An account that was removed, or a collection id that was never used, ends up here too.
    </EmptyState>
  );
}
