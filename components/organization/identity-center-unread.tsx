import Link from "next/link";
import type { ReactNode } from "react";
import { ErrorCode } from "@/components/accounts/error-code";
import { Notice } from "@/components/ui/notice";
import type { AccountName, IdentityCenterUnread } from "@/lib/identity-center/overview";

function AccountWords({ account }: { account: AccountName }) {
  const label = account.name ? `${account.name} (${account.awsAccountId})` : account.awsAccountId;
  return account.linked ? <Link href={`/accounts/${account.awsAccountId}`}>{label}</Link> : <>{label}</>;
}

function AccountList({ accounts }: { accounts: AccountName[] }) {
  const shown = accounts.slice(0, 5);
  return (
    <>
      {shown.map((account, index) => (
        <span key={account.awsAccountId}>
          {index > 0 ? ", " : ""}
          <AccountWords account={account} />
        </span>
      ))}
      {accounts.length > shown.length ? ` and ${accounts.length - shown.length} more` : ""}
    </>
  );
}

const DELEGATED_ADMIN_HINT = (
  <>
    The IAM Identity Center console shows which account administers it (Settings, Management), or run{" "}
    <code>aws organizations list-delegated-administrators --service-principal sso.amazonaws.com</code> in the management account.
  </>
);

/** Why the organization's IAM Identity Center could not be shown, and what to do about it. */
export function IdentityCenterUnreadNotice({ why }: { why: IdentityCenterUnread }) {
  let title: string;
  let body: ReactNode;
  let tone: "info" | "warning" = "warning";
  switch (why.reason) {
    case "not_collected":
      tone = "info";
      title = "Not collected yet";
      body = (
        <p>
          No account has been collected with IAM Identity Center yet. It is read in the account that holds its instance: the management account,
          or the account it is delegated to. Make sure that account is linked, then start a collection.
        </p>
      );
      break;
    case "access_denied":
      title = "Access denied";
      body = (
        <>
          <p>
            The audit role was refused {why.api ? <code>{why.api}</code> : "an IAM Identity Center read"} in <AccountList accounts={why.accounts} />, so
            iamfit cannot see the permission sets or who is assigned where.
          </p>
          <p>
            Update the audit role in those accounts from the current <Link href="/onboarding/templates">audit-role templates</Link> (they allow the
            read-only IAM Identity Center and identity store actions), then collect again.
          </p>
        </>
      );
      break;
    case "error":
      title = "Could not be read";
      body = (
        <p>
          The latest collection of <AccountList accounts={why.accounts} /> answered <ErrorCode code={why.code} />
          {why.api ? (
            <>
              {" "}
              at <code>{why.api}</code>
            </>
          ) : null}
          . Collect again; if it keeps failing, see <Link href="/accounts/health">connection health</Link>.
        </p>
      );
      break;
    case "no_instance":
      if (why.uncollected === 0 && why.managementAnswered) {
        tone = "info";
        title = "Not enabled";
        body = (
          <p>
            Every account of the organization answered that it holds no IAM Identity Center instance, so it is not enabled. Once you enable it,
            the next collection shows its permission sets here.
          </p>
        );
      } else {
        title = "No instance found in the collected accounts";
        body = (
          <>
            <p>
              None of the collected accounts holds an IAM Identity Center instance. Either it is not enabled, or it is administered from an account
              iamfit does not collect
              {why.uncollected > 0 ? ` (${why.uncollected} account${why.uncollected === 1 ? " of the organization is" : "s of the organization are"} not collected)` : ""}.
            </p>
            <p>
              {why.managementAccount && !why.managementAnswered ? (
                <>
                  Link and collect the management account <AccountWords account={why.managementAccount} />, or the account IAM Identity Center is
                  delegated to.{" "}
                </>
              ) : (
                <>Link and collect the account IAM Identity Center is delegated to. </>
              )}
              {DELEGATED_ADMIN_HINT}
            </p>
          </>
        );
      }
      break;
  }
  return (
    <Notice tone={tone} title={title}>
      {body}
    </Notice>
  );
}
