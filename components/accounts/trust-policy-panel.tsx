import { auditRoleCloudFormation, auditRoleTrustPolicy } from "@/lib/accounts/trust-policy";
import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";

export interface InstallationPrincipalView {
  arn: string;
  /** False when iamfit could not tell who it runs as: `arn` is a placeholder to replace. */
  known: boolean;
  /** True when iamfit runs the sandbox organization: `arn` is the sandbox's made-up account. */
  sandbox: boolean;
}

/** What a person must know before copying a trust policy: its principal is a placeholder, or the sandbox's. */
export function PrincipalNotice({ principal, className }: { principal: InstallationPrincipalView; className?: string }) {
  if (principal.sandbox) {
    return (
      <Notice tone="warning" title="Sandbox placeholder principal" className={className}>
        iamfit is running its sandbox organization, so <code>{principal.arn}</code> is the sandbox&apos;s made-up account, not one you own: a role
        trusting it lets nobody in. Start iamfit with AWS credentials and this shows the principal it really runs as; or replace it with that
        principal&apos;s ARN, e.g. <code>arn:aws:iam::111122223333:root</code>.
      </Notice>
    );
  }
  if (!principal.known) {
    return (
      <Notice tone="warning" title="Replace the placeholder principal" className={className}>
        iamfit could not tell which AWS account it runs as. Replace <code>{principal.arn}</code> with the ARN of the principal iamfit uses, e.g.{" "}
        <code>arn:aws:iam::111122223333:root</code>.
      </Notice>
    );
  }
  return null;
}

/** Said beside every copy and download button whose content carries a placeholder principal. */
export function principalCaveat(principal: InstallationPrincipalView): string {
  return principal.sandbox ? " (sandbox placeholder principal)" : principal.known ? "" : " (placeholder principal)";
}

/**
 * What the account owner deploys: the audit role's trust policy and a CloudFormation template,
 * filled in with this installation's principal and ExternalId. Renders on server or client (the
 * link form re-renders it as the ExternalId and role name change).
 */
export function TrustPolicyPanel({ principal, externalId, roleName }: { principal: InstallationPrincipalView; externalId: string; roleName: string }) {
  const input = { trustedPrincipalArn: principal.arn, externalId };
  const policy = JSON.stringify(auditRoleTrustPolicy(input), null, 2);
  const template = auditRoleCloudFormation({ ...input, roleName });
  return (
    <div className="space-y-5">
      <div>
        <h2 className="text-base font-semibold">Create the audit role in the account</h2>
        <p className="mt-1 text-sm muted">
          iamfit only reads. In the account you link, create the role <code>{roleName}</code> with the AWS managed policy{" "}
          <code>SecurityAudit</code> and this trust policy, or deploy the CloudFormation template below.
        </p>
      </div>
      <PrincipalNotice principal={principal} />
      <CodeBlock title={`Trust policy (JSON)${principalCaveat(principal)}`} copyLabel="Copy policy" code={policy} />
      <CodeBlock title={`CloudFormation template (YAML)${principalCaveat(principal)}`} copyLabel="Copy template" code={template} />
    </div>
  );
}

function CodeBlock({ title, copyLabel, code }: { title: string; copyLabel: string; code: string }) {
  return (
    <figure>
      <div className="mb-1.5 flex items-center justify-between gap-2">
        <figcaption className="text-sm font-medium">{title}</figcaption>
        <CopyButton text={code} label={copyLabel} />
      </div>
      <pre
        tabIndex={0}
        role="region"
        aria-label={title}
        className="max-h-96 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 text-xs leading-relaxed dark:border-zinc-800 dark:bg-zinc-950"
      >
        <code>{code}</code>
      </pre>
    </figure>
  );
}
