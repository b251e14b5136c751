import type { Metadata } from "next";
import Link from "next/link";
import { DiscoverButton } from "@/components/onboarding/discover-button";
import { OrganizationAccountsForm } from "@/components/onboarding/organization-accounts-form";
import { OrganizationFilters } from "@/components/onboarding/organization-filters";
import { OrganizationSettingsForm } from "@/components/onboarding/organization-settings-form";
import { OrganizationSyncSummary } from "@/components/onboarding/organization-sync-summary";
import { buttonClass } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { IdentityCenterSection } from "@/components/organization/identity-center-section";
import { PageHeader } from "@/components/ui/page-header";
import { listOrganizationSyncs } from "@/lib/db/organization-inventory";
import { getOrganizationSettings, listOrganizationAccounts } from "@/lib/onboarding/organization-store";
import { getOrCreateExternalId } from "@/lib/db/settings";
import { getIdentityCenterFacts } from "@/lib/db/identity-center-overview";
import { identityCenterOverview } from "@/lib/identity-center/overview";
import { organizationView } from "@/lib/onboarding/organization-view";
import { discoverOrganizationAction, organizationSelectionAction, saveOrganizationSettingsAction } from "./_actions/organization";
import { parseOrganizationParams, type RawSearchParams } from "./_lib/organization-params";
import { requirePage } from "@/lib/auth/guards";
import { errorLabel } from "@/lib/collect/error-words";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organization" };

const PATHNAME = "/organization";

export default async function OrganizationPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePage("manageAccounts");
  const params = parseOrganizationParams(await searchParams);
  const [accounts, [latestSync], settings, externalId, identityCenterFacts] = await Promise.all([
    listOrganizationAccounts(),
    listOrganizationSyncs(1),
    getOrganizationSettings(),
    getOrCreateExternalId(),
    getIdentityCenterFacts(),
  ]);
  const view = organizationView(accounts, { ou: params.ou, show: params.show });
  const groups = view.groups.map((group) => ({
    ouPath: group.ouPath,
    rows: group.rows.map((row) => ({
      accountId: row.accountId,
      name: row.name,
      email: row.email,
      status: row.status,
      linkable: row.linkable,
      unlinkable: row.unlinkable,
      ...(row.linkState === "failing" && row.linked?.lastError
        ? { problem: `${errorLabel(row.linked.lastError.code)}${row.linked.lastError.api ? ` in ${row.linked.lastError.api}` : ""}` }
        : {}),
    })),
  }));
  return (
    <>
      <PageHeader
        title="Organization"
        description="Every account of your AWS Organization with its organizational unit: link all of them, or a selection, with one role name and ExternalId. Deploy the audit role everywhere first with the StackSet template."
        actions={
          <>
            <Link href="/onboarding/templates" className={buttonClass("secondary")}>
              Audit-role templates
            </Link>
            <Link href="/accounts/health" className={buttonClass("secondary")}>
              Connection health
            </Link>
            <a href="#identity-center-heading" className={buttonClass("secondary")}>
              IAM Identity Center
            </a>
            {accounts.length > 0 ? <DiscoverButton action={discoverOrganizationAction} /> : null}
          </>
        }
      />
      <OrganizationSyncSummary sync={latestSync ?? null} settings={settings} />
      {accounts.length === 0 ? (
        <EmptyState title="Discover your organization" action={<DiscoverButton action={discoverOrganizationAction} label="Discover accounts" variant="primary" />}>
          iamfit reads the account list and OU tree with AWS Organizations (<code>ListRoots</code>, <code>ListOrganizationalUnitsForParent</code>,{" "}
          <code>ListAccountsForParent</code>). Run iamfit in the management account or a delegated administrator, or set a role there to read
          through in the settings below.
        </EmptyState>
      ) : (
        <section aria-label="Accounts of the organization" className="card overflow-hidden">
          <OrganizationFilters pathname={PATHNAME} state={params.state} counts={view.counts} ouPaths={view.ouPaths} />
          {groups.length === 0 ? (
            <p className="px-3 py-10 text-center text-sm muted">No accounts match these filters.</p>
          ) : (
            <OrganizationAccountsForm groups={groups} action={organizationSelectionAction} defaults={{ roleName: settings.role, externalId: settings.externalId ?? externalId }} />
          )}
        </section>
      )}
      <IdentityCenterSection overview={identityCenterOverview(identityCenterFacts)} now={new Date()} />
      <details className="card mt-6 p-4">
        <summary className="cursor-pointer text-base font-semibold">Sync settings</summary>
        <div className="mt-4">
          <OrganizationSettingsForm settings={settings} action={saveOrganizationSettingsAction} />
        </div>
      </details>
    </>
  );
}
