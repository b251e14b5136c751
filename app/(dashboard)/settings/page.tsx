import type { Metadata } from "next";
import Link from "next/link";
import { AccountScopeForm } from "@/components/settings/account-scope-form";
import { PacePanel } from "@/components/settings/pace-panel";
import { RegionScopeForm } from "@/components/settings/region-scope-form";
import { PageHeader } from "@/components/ui/page-header";
import { describeRegionScope } from "@/lib/collect/scope";
import { getScopeSettings, listAccountRegionOverrides, partitionAccountsByScope } from "@/lib/collect/scope-settings";
import { env } from "@/lib/env";
import { operatorLimits } from "@/lib/runtime/operator-limits";
import { saveAccountScopeAction, saveRegionScopeAction } from "./_actions/scope";
import { accountScopeFormValues, regionScopeFormValues } from "./_lib/scope-form";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePage("manageSettings");
  const settings = await getScopeSettings();
  const [partition, overrides] = await Promise.all([partitionAccountsByScope(), listAccountRegionOverrides(settings)]);
  const limits = operatorLimits(env());
  const linked = partition.inScope.length + partition.outOfScope.length;

  return (
    <>
      <PageHeader
        title="Settings"
        description="What collections cover and how hard they may press on each account. Changes apply from the next collection on."
      />

      <section aria-labelledby="accounts-scope-heading" className="card p-5">
        <h2 id="accounts-scope-heading" className="text-base font-semibold">
          Accounts in scope
        </h2>
        <p className="mt-1 mb-4 text-sm muted">
          {partition.inScope.length} of {linked} linked accounts are collected. Accounts left out keep their last results, marked as not
          collected.
        </p>
        <AccountScopeForm action={saveAccountScopeAction} initial={{ values: accountScopeFormValues(settings.accounts), fieldErrors: {} }} />
      </section>

      <section aria-labelledby="regions-scope-heading" className="card mt-6 p-5">
        <h2 id="regions-scope-heading" className="text-base font-semibold">
          Regions
        </h2>
        <p className="mt-1 mb-4 text-sm muted">
          Regions left out are stored as “out of scope” and shown as not assessed: their checks never pass. An account can have its own
          regions on its page.
        </p>
        <RegionScopeForm action={saveRegionScopeAction} initial={{ values: regionScopeFormValues(settings.regions) }} legend="Collect these regions" />
        {overrides.length > 0 ? (
          <div className="mt-6">
            <h3 className="text-sm font-semibold">Accounts with their own regions</h3>
            <ul className="mt-2 space-y-1 text-sm">
              {overrides.map((override) => (
                <li key={override.awsAccountId}>
                  <Link href={`/accounts/${override.awsAccountId}#scope`}>{override.name}</Link>{" "}
                  <span className="font-mono text-xs muted">{override.awsAccountId}</span>: {describeRegionScope(override.regions)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="pace-heading" className="card mt-6 p-5">
        <h2 id="pace-heading" className="text-base font-semibold">
          Pace
        </h2>
        <p className="mt-1 mb-4 text-sm muted">Limits per account, on top of the SDK’s adaptive retry, as configured for this process.</p>
        <PacePanel limits={limits} />
      </section>
    </>
  );
}
