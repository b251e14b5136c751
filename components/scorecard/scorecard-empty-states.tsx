import Link from "next/link";
import { buttonClass } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";

/** The scorecard before there is anything to score (the app shell's first-run states, kept). */
export function ScorecardEmptyState({ linked, collecting }: { linked: number; collecting: boolean }) {
  if (linked === 0) {
    return (
      <EmptyState
        title="No accounts linked yet — link one"
        action={
          <Link href="/accounts/new" className={buttonClass("primary")}>
            Link an account
          </Link>
        }
      >
        iamfit reads each AWS account through a read-only audit role and scores it on ten exercises.
      </EmptyState>
    );
  }
  if (collecting) {
    return (
      <EmptyState title="Collecting… first results in a moment">
        The first collection of your {linked} linked account{linked === 1 ? " is" : "s is"} running; this page fills in as accounts finish.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="No results yet"
      action={
        <Link href="/accounts" className={buttonClass("primary")}>
          Go to Accounts to collect
        </Link>
      }
    >
      None of your linked accounts has been evaluated yet. Collect them now, or check their errors on the Accounts page.
    </EmptyState>
  );
}
