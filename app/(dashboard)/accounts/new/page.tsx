import type { Metadata } from "next";
import Link from "next/link";
import { LinkAccountForm } from "@/components/accounts/link-account-form";
import { PageHeader } from "@/components/ui/page-header";
import { DEFAULT_AUDIT_ROLE_NAME } from "@/lib/accounts/link-input";
import { getOrCreateExternalId } from "@/lib/db/settings";
import { linkAccountFormAction } from "../_actions/link";
import { installationPrincipal } from "./_lib/installation-principal";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Link an account" };

export default async function LinkAccountPage() {
  await requirePage("manageAccounts");
  const [externalId, principal] = await Promise.all([getOrCreateExternalId(), installationPrincipal()]);
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/accounts">← Accounts</Link>}
        title="Link an AWS account"
        description="iamfit reads the account through an audit role you create in it. Create the role, test the connection, then link."
      />
      <LinkAccountForm action={linkAccountFormAction} installationExternalId={externalId} principal={principal} defaultRoleName={DEFAULT_AUDIT_ROLE_NAME} />
    </>
  );
}
