"use server";

import { revalidatePath } from "next/cache";
import type { DiscoverState } from "@/components/onboarding/discover-button";
import type { SelectionState } from "@/components/onboarding/organization-accounts-form";
import type { SettingsState } from "@/components/onboarding/organization-settings-form";
import { requestCollection } from "@/lib/collect/request-collection";
import { unlinkAccounts } from "@/lib/db/account-links";
import { getOrganizationSettings, saveOrganizationSettings } from "@/lib/onboarding/organization-store";
import { linkOrganizationAccounts } from "@/lib/onboarding/link-organization-accounts";
import { parseSelectionForm, parseSettingsForm } from "@/lib/onboarding/organization-forms";
import { syncOrganization } from "@/lib/onboarding/organization-sync";
import { processServices } from "@/lib/runtime/process-services";
import { authorizedAction } from "@/lib/auth/guards";

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

function collectNewAccounts() {
  const { boss } = processServices();
  return async (awsAccountIds: string[]) => {
    await requestCollection(boss, { trigger: "manual", awsAccountIds });
  };
}

/** "Discover now": reads the organization with this process's AWS access (real AWS or the sandbox). */
export const discoverOrganizationAction = authorizedAction(
  "manageAccounts",
  async ({ audit }, _previous: DiscoverState | null, _formData: FormData): Promise<DiscoverState> => {
    const at = new Date().toISOString();
    try {
      const { aws } = processServices();
      const result = await syncOrganization("manual", { connectionOptions: aws.connectionOptions(), requestCollection: collectNewAccounts() });
      await audit({
        action: "organization.discovered",
        outcome: result.ok ? "success" : "failure",
        detail: result.ok ? { accountsFound: result.accountsFound, linked: result.linked } : { error: result.error.code },
      });
      revalidatePath("/", "layout");
      if (!result.ok) return { tone: "error", message: `Discovery failed: ${result.error.code}. See above.`, at };
      const linked = result.linked.length ? `, ${plural(result.linked.length, "account")} linked automatically` : "";
      return { tone: "success", message: `Found ${plural(result.accountsFound, "account")}${linked}.`, at };
    } catch (error) {
      return { tone: "error", message: `Discovery could not run: ${error instanceof Error ? error.message : String(error)}`, at };
    }
  },
  (message) => ({ tone: "error", message, at: new Date().toISOString() }),
);

/** Links the selected accounts with one role name and ExternalId, or stops auditing them. */
export const organizationSelectionAction = authorizedAction(
  "manageAccounts",
  async ({ audit }, _previous: SelectionState | null, formData: FormData): Promise<SelectionState> => {
    const at = new Date().toISOString();
    const parsed = parseSelectionForm(formData);
    if (!parsed.ok) {
      return {
        tone: "error",
        message: parsed.fieldErrors.accountIds ? "Select at least one account." : "Check the fields above.",
        details: [],
        fieldErrors: parsed.fieldErrors,
        at,
      };
    }
    const { intent, accountIds, roleName, externalId } = parsed.value;
    try {
      if (intent === "unlink") {
        const removed = await unlinkAccounts(accountIds);
        await audit({ action: "account.removed", target: { type: "organization", id: "selection" }, detail: { accountIds: removed } });
        revalidatePath("/", "layout");
        return {
          tone: "success",
          message: `Stopped auditing ${plural(removed.length, "account")}. Their history is kept; link them again to restore it.`,
          details: [],
          fieldErrors: {},
          at,
        };
      }
      const outcome = await linkOrganizationAccounts(accountIds, { roleName, externalId }, collectNewAccounts());
      await audit({
        action: "account.linked",
        target: { type: "organization", id: "selection" },
        detail: { accountIds: outcome.linked, roleName, skipped: outcome.skipped.length },
      });
      revalidatePath("/", "layout");
      // Linked accounts ride along in a mixed selection; not worth a line each.
      const skipped = outcome.skipped.filter((skip) => skip.reason !== "already linked");
      return {
        tone: outcome.linked.length > 0 || skipped.length === 0 ? "success" : "error",
        message:
          outcome.linked.length > 0 ? `Linked ${plural(outcome.linked.length, "account")}; their first collection has started.` : "No account was linked.",
        details: skipped.map((skip) => `${skip.name} (${skip.accountId}) skipped: ${skip.reason}.`),
        fieldErrors: {},
        at,
      };
    } catch (error) {
      return { tone: "error", message: `Nothing was changed: ${error instanceof Error ? error.message : String(error)}`, details: [], fieldErrors: {}, at };
    }
  },
  (message) => ({ tone: "error", message, details: [], fieldErrors: {}, at: new Date().toISOString() }),
);

export const saveOrganizationSettingsAction = authorizedAction(
  "manageAccounts",
  async ({ audit }, _previous: SettingsState | null, formData: FormData): Promise<SettingsState> => {
    const at = new Date().toISOString();
    if ((await getOrganizationSettings()).managedBy === "config") {
      return { tone: "error", message: "iamfit.config.json manages these settings; change them there.", fieldErrors: {}, at };
    }
    const parsed = parseSettingsForm(formData);
    if (!parsed.ok) return { tone: "error", message: "Check the fields marked above.", fieldErrors: parsed.fieldErrors, at };
    await saveOrganizationSettings(parsed.value);
    await audit({ action: "settings.changed", target: { type: "setting", id: "organization" }, detail: { settings: parsed.value } });
    revalidatePath("/organization");
    return { tone: "success", message: "Saved. The next sync uses these settings.", fieldErrors: {}, at };
  },
  (message) => ({ tone: "error", message, fieldErrors: {}, at: new Date().toISOString() }),
);
