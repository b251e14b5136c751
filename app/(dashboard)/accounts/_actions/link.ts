"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { LinkFormState, LinkFormValues } from "@/components/accounts/link-account-form";
import { fieldErrors, linkAccountInputSchema } from "@/lib/accounts/link-input";
import { requestCollection } from "@/lib/collect/request-collection";
import { AccountAlreadyLinkedError, linkAccount } from "@/lib/db/accounts";
import { getOrCreateExternalId } from "@/lib/db/settings";
import { processServices } from "@/lib/runtime/process-services";
import { parseTagLines } from "../new/_lib/parse-tag-lines";
import { runConnectionTest } from "./run-connection-test";
import { authorizedAction } from "@/lib/auth/guards";

function readValues(formData: FormData): LinkFormValues {
  const text = (name: keyof LinkFormValues) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return { accountId: text("accountId"), role: text("role"), externalId: text("externalId"), name: text("name"), tags: text("tags") };
}

/**
 * The link form's one action: "Test connection" (intent=test) tries the role without saving;
 * "Link account" saves, starts a first collection and opens the account page. Invalid input
 * saves nothing and comes back with an error per field.
 */
export const linkAccountFormAction = authorizedAction(
  "manageAccounts",
  async ({ audit }, _previous: LinkFormState, formData: FormData): Promise<LinkFormState> => {
    const intent = formData.get("intent") === "test" ? "test" : "link";
    const values = readValues(formData);
    const tags = parseTagLines(values.tags);
    const parsed = linkAccountInputSchema.safeParse({
      accountId: values.accountId,
      role: values.role.trim() || undefined,
      externalId: values.externalId.trim() || undefined,
      name: values.name,
      tags: tags.ok ? tags.tags : {},
    });
    if (!parsed.success || !tags.ok) {
      const errors = parsed.success ? {} : fieldErrors(parsed.error);
      if (!tags.ok) errors.tags = tags.error;
      return { values, fieldErrors: errors };
    }
    const input = parsed.data;
    const externalId = input.externalId ?? (await getOrCreateExternalId());

    if (intent === "test") {
      const connectionTest = await runConnectionTest({ accountId: input.accountId, roleArn: input.roleArn, externalId });
      return { values, fieldErrors: {}, connectionTest };
    }

    try {
      await linkAccount({ ...input, externalId });
      await audit({ action: "account.linked", target: { type: "account", id: input.accountId, label: input.name }, detail: { roleArn: input.roleArn, tags: input.tags } });
    } catch (error) {
      if (error instanceof AccountAlreadyLinkedError) {
        return { values, fieldErrors: { accountId: "is already linked" }, existingAccountId: input.accountId };
      }
      return { values, fieldErrors: { form: `The account could not be saved: ${error instanceof Error ? error.message : String(error)}` } };
    }
    try {
      await requestCollection(processServices().boss, { trigger: "manual", awsAccountIds: [input.accountId] });
    } catch {
      // Linked all the same: the account page offers "Collect now", and the schedule collects it.
    }
    revalidatePath("/", "layout");
    redirect(`/accounts/${input.accountId}?linked=1`);
  },
  (message, previous) => ({ ...previous, fieldErrors: { form: message } }),
);
