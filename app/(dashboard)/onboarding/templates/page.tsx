import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { installationPrincipal } from "@/app/(dashboard)/accounts/new/_lib/installation-principal";
import { TemplateBlock } from "@/components/onboarding/template-block";
import { PrincipalNotice, principalCaveat } from "@/components/accounts/trust-policy-panel";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_NAME_PATTERN } from "@/lib/accounts/link-input";
import { organizationRootId } from "@/lib/db/organization-inventory";
import { getOrganizationSettings } from "@/lib/onboarding/organization-store";
import { getOrCreateExternalId } from "@/lib/db/settings";
import { minimalReadOnlyPolicy, organizationDiscoveryPolicy, trustPolicyJson } from "@/lib/onboarding/templates/audit-role-policy";
import { auditRoleTemplateFiles } from "@/lib/onboarding/templates/template-files";
import { requirePage } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit-role templates" };

const SECTIONS = [
  { id: "single-account", title: "One account: CloudFormation" },
  { id: "stackset", title: "Whole organization: StackSet" },
  { id: "terraform", title: "Terraform module" },
  { id: "policies", title: "Policies" },
] as const;

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("manageAccounts");
  const raw = (await searchParams).role;
  const requestedRole = Array.isArray(raw) ? raw[0] : raw;
  const [principal, externalId, settings, rootId] = await Promise.all([installationPrincipal(), getOrCreateExternalId(), getOrganizationSettings(), organizationRootId()]);
  const roleName = requestedRole && ROLE_NAME_PATTERN.test(requestedRole) ? requestedRole : settings.role;
  const files = new Map(
    auditRoleTemplateFiles({ trustedPrincipalArn: principal.arn, externalId, roleName, organizationalUnitIds: rootId ? [rootId] : [] }).map((file) => [file.path, file]),
  );
  const block = (path: string, title: string, description?: ReactNode) => {
    const file = files.get(path);
    return file ? (
      <TemplateBlock key={path} title={file.content.includes(principal.arn) ? `${title}${principalCaveat(principal)}` : title} description={description} code={file.content} fileName={path} type={file.type} />
    ) : null;
  };
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/organization">Organization</Link>}
        title="The audit role, ready to deploy"
        description={
          <>
            Filled in for this installation: iamfit runs as <code>{principal.arn}</code> and presents the ExternalId <code>{externalId}</code>. Every
            template grants the AWS managed policy <code>SecurityAudit</code>; set <code>PermissionsPolicy</code> to <code>Minimal</code> for a custom
            policy with only the reads iamfit makes.
          </>
        }
      />
      <PrincipalNotice principal={principal} className="mb-6" />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="template-role" className="field-label">
            Audit role name
          </label>
          <input id="template-role" name="role" defaultValue={roleName} className="input mt-1" pattern="[\w+=,.@-]{1,64}" />
        </div>
        <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700">
          Fill in
        </button>
      </form>
      <nav aria-label="Templates" className="mb-6 text-sm">
        <ul className="flex flex-wrap gap-4">
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-10">
        <section id="single-account" aria-labelledby="single-account-title" className="card space-y-4 p-4">
          <h2 id="single-account-title" className="text-lg font-semibold">
            One account: CloudFormation
          </h2>
          {block(
            "iamfit-audit-role.yaml",
            "CloudFormation template",
            <>
              Create a stack from it in the account (console: CloudFormation → Create stack → Upload a template), acknowledging that it creates an IAM
              role. Then link the account with the role name <code>{roleName}</code>.
            </>,
          )}
        </section>
        <section id="stackset" aria-labelledby="stackset-title" className="card space-y-4 p-4">
          <h2 id="stackset-title" className="text-lg font-semibold">
            Whole organization: StackSet
          </h2>
          <p className="text-sm muted">
            A service-managed StackSet with automatic deployment creates the role in every account of the target OUs, including accounts that join
            later. Create it in the management account (or a CloudFormation delegated administrator with <code>CallAs: DELEGATED_ADMIN</code>).
            StackSets never deploy to the management account itself: use the single-account template there.
            {rootId ? null : " Discover the organization first to fill in its root id."}
          </p>
          {block("iamfit-audit-role-stackset.yaml", "StackSet as a CloudFormation stack")}
          {block("stackset-commands.sh", "The same with the AWS CLI")}
        </section>
        <section id="terraform" aria-labelledby="terraform-title" className="card space-y-4 p-4">
          <h2 id="terraform-title" className="text-lg font-semibold">
            Terraform module
          </h2>
          {block("terraform/main.tf", "Use the module", "Save the three module files below in iamfit-audit-role/ next to this file, then terraform init and apply.")}
          {block("terraform/iamfit-audit-role/main.tf", "Module: main.tf")}
          {block("terraform/iamfit-audit-role/variables.tf", "Module: variables.tf")}
          {block("terraform/iamfit-audit-role/outputs.tf", "Module: outputs.tf")}
        </section>
        <section id="policies" aria-labelledby="policies-title" className="card space-y-4 p-4">
          <h2 id="policies-title" className="text-lg font-semibold">
            Policies
          </h2>
          <TemplateBlock title={`Trust policy of the audit role${principalCaveat(principal)}`} code={trustPolicyJson({ trustedPrincipalArn: principal.arn, externalId })} fileName="trust-policy.json" type="application/json" />
          <TemplateBlock
            title="Minimal read-only policy (instead of SecurityAudit)"
            description="Exactly the reads iamfit's collectors make today; a test proves it allows every one of them. SecurityAudit also covers reads iamfit adds later."
            code={JSON.stringify(minimalReadOnlyPolicy(), null, 2)}
            fileName="iamfit-minimal-read-only.json"
            type="application/json"
          />
          <TemplateBlock
            title="Organization discovery (for iamfit's own principal)"
            description="Needed where iamfit reads the organization: the management account or a delegated administrator. SecurityAudit includes it."
            code={JSON.stringify(organizationDiscoveryPolicy(), null, 2)}
            fileName="iamfit-organization-discovery.json"
            type="application/json"
          />
        </section>
      </div>
    </>
  );
}
