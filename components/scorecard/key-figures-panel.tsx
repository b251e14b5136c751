import type { ReactNode } from "react";
import type { AccountKeyFigures, KeyFigure } from "@/lib/scorecard/key-figures";

/** The account's key figures; one that could not be read says why (never a guess). */
export function KeyFiguresPanel({ figures, collectedAt }: { figures: AccountKeyFigures; collectedAt: string }) {
  return (
    <section aria-labelledby="key-figures-heading" className="card p-4">
      <h3 id="key-figures-heading" className="text-sm font-semibold">
        Key figures <span className="font-normal muted">(from the snapshot of {collectedAt.slice(0, 10)})</span>
      </h3>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Figure
          label="Root access keys"
          figure={figures.rootKeys}
          render={(value) => (
            <Value tone={value.present ? "bad" : "good"} detail={value.activeKeys === null ? "from the account summary" : undefined}>
              {value.present ? (value.activeKeys ? `${value.activeKeys} active` : "present") : "none"}
            </Value>
          )}
        />
        <Figure
          label="MFA coverage"
          figure={figures.mfaCoverage}
          render={(value) => (
            <Value tone={value.percent === null || value.percent === 100 ? "good" : "bad"} detail={`${value.covered} of ${value.total} console users`}>
              {value.percent === null ? "no console users" : `${value.percent}%`}
            </Value>
          )}
        />
        <Figure
          label="Oldest active key"
          figure={figures.oldestActiveKey}
          render={(value) =>
            value === null ? (
              <Value tone="good">no active user keys</Value>
            ) : (
              <Value tone={value.tooOld ? "bad" : "good"} detail={`${value.userName}, key ${value.slot}`}>
                {value.ageDays} days
              </Value>
            )
          }
        />
        <Figure
          label="Admin users"
          figure={figures.admins}
          render={(value) => (
            <Value
              tone={value.overLimit ? "bad" : "good"}
              detail={[value.names.slice(0, 3).join(", ") + (value.names.length > 3 ? ` +${value.names.length - 3}` : ""), value.undetermined > 0 ? `${value.undetermined} undetermined` : ""]
                .filter(Boolean)
                .join(" · ")}
            >
              {value.count}
            </Value>
          )}
        />
        <Figure
          label="STS regions active / used"
          figure={figures.stsRegions}
          render={(value) => (
            <Value
              tone={value.activeUnused.length > 0 ? "bad" : "good"}
              detail={[
                value.activeUnused.length > 0 ? `unused but active: ${value.activeUnused.join(", ")}` : "",
                value.activeUsageUnknown.length > 0 ? `use unknown: ${value.activeUsageUnknown.join(", ")}` : "",
              ]
                .filter(Boolean)
                .join(" · ")}
            >
              {value.active.length} / {value.used.length}
            </Value>
          )}
        />
      </dl>
    </section>
  );
}

function Figure<T>({ label, figure, render }: { label: string; figure: KeyFigure<T>; render: (value: T) => ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium muted">{label}</dt>
      {figure.available ? (
        render(figure.value)
      ) : (
        <dd>
          <span className="text-lg font-semibold text-zinc-500">unknown</span>
          <span className="block text-xs break-words muted">{figure.reason}</span>
        </dd>
      )}
    </div>
  );
}

function Value({ children, tone, detail }: { children: ReactNode; tone: "good" | "bad"; detail?: string }) {
  return (
    <dd>
      <span className={`text-lg font-semibold tabular-nums ${tone === "bad" ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}>
        <span aria-hidden="true">{tone === "bad" ? "✕ " : "✓ "}</span>
        {children}
      </span>
      {detail ? <span className="block text-xs break-words muted">{detail}</span> : null}
    </dd>
  );
}
