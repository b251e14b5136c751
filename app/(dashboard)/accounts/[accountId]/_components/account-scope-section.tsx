import { AccountScopePanel } from "@/components/settings/account-scope-panel";
import { getAccountScopeView } from "@/lib/collect/scope-settings";
import { saveAccountRegionScopeAction } from "@/app/(dashboard)/settings/_actions/scope";
import { regionScopeFormValues } from "@/app/(dashboard)/settings/_lib/scope-form";

/** The account page's scope section: reads the account's scope and renders the panel with its form. */
export async function AccountScopeSection({ awsAccountId, editable }: { awsAccountId: string; editable: boolean }) {
  const scope = await getAccountScopeView(awsAccountId);
  if (!scope) return null;
  return (
    <AccountScopePanel
      accountId={awsAccountId}
      scope={scope}
      action={saveAccountRegionScopeAction}
      initial={{ values: regionScopeFormValues(scope.ownRegions) }}
      editable={editable}
    />
  );
}
