import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { describeRegionScope } from "@/lib/collect/scope";
import type { AccountScopeView } from "@/lib/collect/scope-settings";
import { RegionScopeForm, type RegionScopeAction } from "./region-scope-form";
import type { RegionScopeFormState } from "./scope-form-state";

/** One account's collection scope: whether it is collected at all, and which of its regions. */
export function AccountScopePanel({
  accountId,
  scope,
  action,
  initial,
  editable,
}: {
  accountId: string;
  scope: AccountScopeView;
  action: RegionScopeAction;
  initial: RegionScopeFormState;
  /** Admins change the scope; others read it. */
  editable: boolean;
}) {
  return (
    <section id="scope" aria-labelledby="scope-heading" className="card p-5">
      <h2 id="scope-heading" className="text-base font-semibold">
        Collection scope
      </h2>
      {scope.account.inScope ? (
        <p className="mt-1 text-sm muted">
          Collected ({scope.account.reason}); regions: {describeRegionScope(scope.regions)}
          {scope.ownRegions ? " (this account’s own choice)" : " (the installation’s choice)"}.
        </p>
      ) : (
        <Notice tone="warning" className="mt-2">
          Not collected: this account is outside the collection scope ({scope.account.reason}). Its results are from its last collection
          and are not assessed again until it is back in scope. <Link href="/settings">Change the scope</Link>.
        </Notice>
      )}
      {editable ? (
        <div className="mt-4">
          <RegionScopeForm action={action} initial={initial} accountId={accountId} legend="Regions collected for this account" />
        </div>
      ) : null}
    </section>
  );
}
