/** What started a run, in words (collection_run.trigger and kind). */
const TRIGGER_LABELS: Record<string, string> = {
  schedule: "Schedule",
  manual: "Manual",
  cli: "CLI",
  api: "API",
  startup: "Start-up",
};

export function triggerLabel(trigger: string, kind = "collect"): string {
  const label = TRIGGER_LABELS[trigger] ?? trigger;
  return kind === "evaluate" ? `${label} (re-evaluation)` : label;
}
