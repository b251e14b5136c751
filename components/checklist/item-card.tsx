import { FindingStatusBadge, SeverityBadge } from "@/components/findings/severity-badge";
import { actionsFor } from "@/lib/remediation/action-labels";
import { remediationFor } from "@/lib/remediation/catalogue";
import { isAcceptanceExpired, isOverdue, type ChecklistItemView } from "@/lib/remediation/checklist-view";
import { describeSandboxMutation, sandboxFixFor } from "@/lib/remediation/sandbox-fix";
import { checkInfo } from "@/lib/scorecard/catalogue";
import { resourceHref } from "@/lib/scorecard/links";
import type { ChecklistAction } from "./action-state";
import { BULK_FORM_ID } from "./bulk-form-id";
import { HistoryList } from "./history-list";
import { ItemChangeForm } from "./item-change-form";
import { RemediationPanel } from "./remediation-panel";
import { SandboxFixButton } from "./sandbox-fix-button";
import { ChecklistStateBadge, ReopenMarkBadge } from "./state-badge";

export interface ItemCardOptions {
  now: Date;
  /** The print view: no forms, everything expanded. */
  print: boolean;
  /** This process serves the sandbox organization: offer its fixes. */
  sandbox: boolean;
  /** The person may change items (editor or admin); viewers see no forms. */
  editable: boolean;
  changeAction: ChecklistAction;
  sandboxAction: ChecklistAction;
}

/** One checklist item: what fails, its state and owner, how to fix it, the change form and the history. */
export function ItemCard({ item, options }: { item: ChecklistItemView; options: ItemCardOptions }) {
  const check = checkInfo(item.checkId, item.exercise);
  const remediation = remediationFor(item);
  const closed = item.state === "verified" || item.state === "fixed";
  const overdue = isOverdue(item, options.now);
  const forms = options.editable && !options.print;
  const sandboxFix = options.sandbox && !closed ? sandboxFixFor(item) : [];
  const label = `${check.title}: ${item.resourceName}`;
  return (
    <article id={`item-${item.id}`} aria-label={label} data-item-id={item.id} data-state={item.state} className="card break-inside-avoid p-4">
      <header className="flex flex-wrap items-start gap-3">
        {!forms ? null : (
          <input
            type="checkbox"
            name="itemId"
            value={item.id}
            form={BULK_FORM_ID}
            aria-label={`Select ${label}`}
            className="mt-1 size-4 print:hidden"
          />
        )}
        <div className="min-w-0 flex-1">
          <h3 className="font-semibold">
            {check.title}
            <span className="font-normal muted"> · </span>
            <span className="font-mono text-sm break-all">{item.resourceName}</span>
          </h3>
          <p className="mt-1 text-sm break-words">{item.reason}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
            <ChecklistStateBadge state={item.state} />
            {item.reopenMark ? <ReopenMarkBadge mark={item.reopenMark} /> : null}
            <SeverityBadge severity={item.severity} />
            <span className="muted">Finding now:</span>
            <FindingStatusBadge status={item.currentStatus} />
            {item.region ? <span className="muted">{item.region}</span> : null}
            <span className="muted">
              {item.assignee ? (
                <>
                  Assignee: <span className="font-medium text-zinc-800 dark:text-zinc-200">{item.assignee}</span>
                </>
              ) : (
                "Unassigned"
              )}
            </span>
            {item.dueOn ? <span className={overdue ? "font-semibold text-red-700 dark:text-red-400" : "muted"}>{overdue ? `Overdue: due ${item.dueOn}` : `Due ${item.dueOn}`}</span> : null}
            <a href={resourceHref(item.awsAccountId, item.resourceId)} className="print:hidden">
              Resource history
            </a>
          </div>
          {item.state === "risk_accepted" ? (
            <p className={`mt-2 text-sm ${isAcceptanceExpired(item, options.now) ? "text-red-700 dark:text-red-400" : ""}`}>
              Risk accepted until {item.riskExpiresOn}
              {isAcceptanceExpired(item, options.now) ? " (expired: the next collection reopens it)" : ""}: {item.riskReason}
            </p>
          ) : null}
        </div>
      </header>

      {remediation && !closed ? (
        <details className="group mt-3 rounded-md border border-zinc-200 dark:border-zinc-800" open={options.print}>
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium">How to fix</summary>
          <div className="border-t border-zinc-200 px-3 py-3 dark:border-zinc-800">
            <RemediationPanel remediation={remediation} />
          </div>
        </details>
      ) : null}

      {forms && sandboxFix.length > 0 ? (
        <div className="mt-3">
          <SandboxFixButton action={options.sandboxAction} accountId={item.awsAccountId} itemId={item.id} description={sandboxFix.map(describeSandboxMutation).join("; ")} />
        </div>
      ) : null}

      {!forms ? null : (
        <div className="mt-3 border-t border-zinc-100 pt-3 dark:border-zinc-800 print:hidden">
          <ItemChangeForm
            action={options.changeAction}
            accountId={item.awsAccountId}
            itemId={item.id}
            actions={actionsFor(item)}
            defaults={{ assignee: item.assignee, dueOn: item.dueOn }}
            label={label}
          />
        </div>
      )}

      {item.history.length > 0 ? (
        <details className="mt-2" open={options.print}>
          <summary className="cursor-pointer text-sm muted">History ({item.history.length})</summary>
          <div className="mt-2">
            <HistoryList history={item.history} />
          </div>
        </details>
      ) : null}
    </article>
  );
}
