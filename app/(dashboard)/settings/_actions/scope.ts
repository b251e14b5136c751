"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ACCOUNT_ID_PATTERN } from "@/lib/accounts/link-input";
import { describeAccountScope, describeRegionScope } from "@/lib/collect/scope";
import { getLinkedAccount } from "@/lib/db/accounts";
import { setAccountRegionScope, setAccountScope, setInstallationRegionScope } from "@/lib/collect/scope-settings";
import type { AccountScopeFormState, RegionScopeFormState } from "@/components/settings/scope-form-state";
import { accountScopeFormValues, parseAccountScopeForm, parseRegionScopeForm, regionScopeFormValues } from "../_lib/scope-form";
import { authorizedAction } from "@/lib/auth/guards";

/** The installation's regions; the next collection uses them for every account without its own. */
export const saveRegionScopeAction = authorizedAction(
  "manageSettings",
  async ({ audit }, _previous: RegionScopeFormState, formData: FormData): Promise<RegionScopeFormState> => {
    const parsed = parseRegionScopeForm(formData, { allowInherit: false });
    if (!parsed.ok) return parsed.state;
    const scope = parsed.scope ?? { mode: "all" as const };
    await setInstallationRegionScope(scope);
    await audit({ action: "settings.changed", target: { type: "setting", id: "region_scope" }, detail: { scope } });
    revalidatePath("/", "layout");
    return { values: regionScopeFormValues(scope), saved: `Saved: ${describeRegionScope(scope)}, from the next collection on.` };
  },
  (message, previous) => ({ ...previous, error: message, saved: undefined }),
);

export const saveAccountScopeAction = authorizedAction(
  "manageSettings",
  async ({ audit }, _previous: AccountScopeFormState, formData: FormData): Promise<AccountScopeFormState> => {
    const parsed = parseAccountScopeForm(formData);
    if (!parsed.ok) return parsed.state;
    await setAccountScope(parsed.scope);
    await audit({ action: "settings.changed", target: { type: "setting", id: "account_scope" }, detail: { scope: parsed.scope } });
    revalidatePath("/", "layout");
    return {
      values: accountScopeFormValues(parsed.scope),
      fieldErrors: {},
      saved: `Saved: ${describeAccountScope(parsed.scope)}, from the next collection on.`,
    };
  },
  (message, previous) => ({ ...previous, fieldErrors: { includeAccountIds: message }, saved: undefined }),
);

const accountIdSchema = z.string().regex(ACCOUNT_ID_PATTERN);

/** One account's own regions, or back to the installation's ("inherit"). */
export const saveAccountRegionScopeAction = authorizedAction(
  "manageSettings",
  async ({ audit }, _previous: RegionScopeFormState, formData: FormData): Promise<RegionScopeFormState> => {
    const accountId = accountIdSchema.safeParse(formData.get("accountId"));
    const parsed = parseRegionScopeForm(formData, { allowInherit: true });
    if (!parsed.ok) return parsed.state;
    if (!accountId.success || !(await getLinkedAccount(accountId.data))) {
      return { values: regionScopeFormValues(parsed.scope), error: "This account is not linked any more." };
    }
    await setAccountRegionScope(accountId.data, parsed.scope);
    await audit({ action: "settings.changed", target: { type: "account", id: accountId.data }, detail: { regionScope: parsed.scope ?? "inherit" } });
    revalidatePath(`/accounts/${accountId.data}`);
    revalidatePath("/settings");
    return {
      values: regionScopeFormValues(parsed.scope),
      saved: parsed.scope
        ? `Saved: ${describeRegionScope(parsed.scope)} for this account, from its next collection on.`
        : "Saved: this account follows the installation's regions again.",
    };
  },
  (message, previous) => ({ ...previous, error: message, saved: undefined }),
);
