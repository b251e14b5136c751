import { FindingStatusBadge, SeverityBadge } from "@/components/findings/severity-badge";
import { actionsFor } from "@/lib/remediation/action-labels";
import { remediationFor } from "@/lib/remediation/catalogue";
import { isAcceptanceExpired, isOverdue, type ChecklistItemView } from "@/lib/remediation/checklist-view";
import type { AssignableUser } from "@/lib/remediation/people";
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
  /** Who items can be assigned to. */
  users: AssignableUser[];
  /** The signed-in person's email, for "Assign to me". */
  me: string;
  nameOf: (email: string) => string;
}

const DUE_CLASSES = { overdue: "font-semibold text-red-700 dark:text-red-400", due: "text-zinc-700 dark:text-zinc-300" };

/**
 * One checklist item as a compact row (resource, severity, state, assignee, due) that opens, as a
 * disclosure any keyboard can work, to what fails, the change form, how to fix it and the history.
 * A link to the item (`?item=<id>`) opens it.
 */
export function ItemCard({ item, options, open = false }: { item: ChecklistItemView; options: ItemCardOptions; open?: boolean }) {
  const check = checkInfo(item.checkId, item.exercise);
  const remediation = remediationFor(item);
  const closed = item.state === "verified" || item.state === "fixed";
  const overdue = isOverdue(item, options.now);
  const forms = options.editable && !options.print;
  const sandboxFix = options.sandbox && !closed ? sandboxFixFor(item) : [];
  const label = `${check.title}: ${item.resourceName}`;
  return (
    <article id={`item-${item.id}`} aria-label={label} data-item-id={item.id} data-state={item.state} data-severity={item.severity} className="flex items-start gap-3 px-3 py-2 break-inside-avoid">
      {!forms ? null : (
        <input type="checkbox" name="itemId" value={item.id} form={BULK_FORM_ID} aria-label={`Select ${label}`} className="mt-2.5 size-4 shrink-0 print:hidden" />
      )}
      <details className="group min-w-0 flex-1" open={options.print || open}>
        <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded py-1 text-sm [&::-webkit-details-marker]:hidden">
          <span aria-hidden="true" className="inline-block w-3 text-zinc-500 transition-transform group-open:rotate-90 print:hidden">
            ▸
          </span>
          <span className="min-w-0 flex-1 basis-48 font-mono break-all">
            {/* The group's header names the check for the eye; a screen reader on the row hears it too. */}
            <span className="sr-only">{check.title}: </span>
            {item.resourceName}
          </span>
          <span className="flex flex-wrap items-center gap-2 text-xs">
            {/* Fixed widths from a tablet up, so the rows' facts line up as columns. */}
            <span className="sm:w-16">
              <SeverityBadge severity={item.severity} />
            </span>
            <span className="flex flex-wrap gap-1 sm:w-44">
              <ChecklistStateBadge state={item.state} />
              {item.reopenMark ? <ReopenMarkBadge mark={item.reopenMark} /> : null}
            </span>
            <span className="max-w-40 truncate text-zinc-700 sm:w-32 dark:text-zinc-300" title={item.assignee ?? undefined}>
              {item.assignee ? options.nameOf(item.assignee) : <span className="muted">Unassigned</span>}
            </span>
            {/* On a phone a missing due date is left out, so a row stays two lines. */}
            <span className={`whitespace-nowrap sm:w-36 ${item.dueOn ? "" : "hidden sm:inline"} ${overdue ? DUE_CLASSES.overdue : DUE_CLASSES.due}`}>
              {item.dueOn ? (overdue ? `Overdue ${item.dueOn}` : `Due ${item.dueOn}`) : <span className="muted">No due date</span>}
            </span>
          </span>
        </summary>

        <div className="mt-2 space-y-3 border-t border-zinc-100 pt-3 sm:pl-6 dark:border-zinc-800">
          <p className="text-sm break-words">{item.reason}</p>
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <span className="muted">Finding now:</span>
            <FindingStatusBadge status={item.currentStatus} />
            {item.region ? <span className="muted">{item.region}</span> : null}
            <span className="muted">First seen failing {item.createdAt.slice(0, 10)}</span>
            <a href={resourceHref(item.awsAccountId, item.resourceId)} className="print:hidden">
              Resource history
            </a>
          </div>
          {item.state === "risk_accepted" ? (
            <p className={`text-sm ${isAcceptanceExpired(item, options.now) ? "text-red-700 dark:text-red-400" : ""}`}>
              Risk accepted until {item.riskExpiresOn}
              {isAcceptanceExpired(item, options.now) ? " (expired: the next collection reopens it)" : ""}: {item.riskReason}
            </p>
          ) : null}

          {!forms ? null : (
            <div className="print:hidden">
              <ItemChangeForm
                action={options.changeAction}
                accountId={item.awsAccountId}
                itemId={item.id}
                actions={actionsFor(item)}
                defaults={{ assignee: item.assignee, dueOn: item.dueOn }}
                label={label}
                users={options.users}
                me={options.me}
              />
            </div>
          )}

          {remediation && !closed ? (
            <section aria-label="How to fix" className="rounded-md border border-zinc-200 px-3 py-3 dark:border-zinc-800">
              <h3 className="mb-2 text-sm font-semibold">How to fix</h3>
              <RemediationPanel remediation={remediation} />
            </section>
          ) : null}

          {forms && sandboxFix.length > 0 ? (
            <SandboxFixButton action={options.sandboxAction} accountId={item.awsAccountId} itemId={item.id} description={sandboxFix.map(describeSandboxMutation).join("; ")} />
          ) : null}

          {item.history.length > 0 ? (
            <section aria-label="History">
              <h3 className="mb-2 text-sm font-semibold">History ({item.history.length})</h3>
              <HistoryList history={item.history} nameOf={options.nameOf} />
            </section>
          ) : null}
        </div>
      </details>
    </article>
  );
}
