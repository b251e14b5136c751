import { Notice } from "@/components/ui/notice";
import { RelativeTime } from "@/components/ui/relative-time";
import type { OrganizationSyncView } from "@/lib/db/organization-inventory";
import type { OrganizationSettings } from "@/lib/onboarding/organization-settings";
import { ErrorCode } from "@/components/accounts/error-code";

/** When the organization was last read, what that found, and whether new accounts are linked automatically. */
export function OrganizationSyncSummary({ sync, settings }: { sync: OrganizationSyncView | null; settings: OrganizationSettings }) {
  const schedule =
    settings.syncIntervalHours > 0
      ? `iamfit reads the organization again every ${settings.syncIntervalHours} h${settings.autoLink ? " and links new accounts automatically" : "; new accounts wait for you to link them"}.`
      : "Periodic syncing is off.";
  if (!sync) return null;
  if (sync.status === "failed") {
    return (
      <Notice tone="error" title="The last discovery failed" className="mb-4">
        <p>
          <RelativeTime date={sync.startedAt} />: <code>{sync.error?.api}</code> answered {sync.error?.code ? <ErrorCode code={sync.error.code} /> : "an error"}.
        </p>
        <p className="break-words">{sync.error?.message}</p>
      </Notice>
    );
  }
  return (
    <p className="mb-4 text-sm muted" data-testid="organization-sync-summary">
      {sync.status === "running" ? "Discovery running since " : "Last discovered "}
      <RelativeTime date={sync.startedAt} />
      {sync.status === "succeeded" ? (
        <>
          {" "}
          (organization <code>{sync.organizationId}</code>, {sync.accountsFound} accounts
          {sync.accountsLinked ? `, ${sync.accountsLinked} linked automatically` : ""}).
        </>
      ) : (
        "."
      )}{" "}
      {schedule}
    </p>
  );
}
