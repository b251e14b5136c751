/**
 * A checklist as Markdown (a ticket, a wiki page, a pull request). Names from AWS are hostile:
 * in text every Markdown and HTML character is backslash-escaped (CommonMark allows it before
 * any ASCII punctuation), and code blocks get a fence longer than any backtick run inside.
 */
import { EXERCISES, getCheck } from "@/lib/checks/registry";
import { remediationFor } from "./catalogue";
import { groupByExercise, isOverdue, progressOf, type ChecklistItemView } from "./checklist-view";
import { renderCliCommand } from "./shell";
import { isClosedState, REOPEN_MARK_LABELS, STATE_LABELS } from "./states";

/**
 * Inline text, never at the start of a line: one line, and every character that could open
 * emphasis, code, a link, an image, a table cell, HTML or an entity is escaped.
 */
export function markdownText(value: string): string {
  return value.replace(/\s+/g, " ").replace(/[\\`*_{}[\]()!|<>~&]/g, (char) => `\\${char}`);
}

export function codeBlock(code: string, language = ""): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${code}\n${fence}`;
}

function itemMarkdown(item: ChecklistItemView, now: Date): string {
  const title = getCheck(item.checkId)?.title ?? item.checkId;
  const remediation = remediationFor(item);
  const box = isClosedState(item.state) ? "x" : " ";
  const facts = [
    `State: ${STATE_LABELS[item.state]}${item.reopenMark ? ` (${REOPEN_MARK_LABELS[item.reopenMark]})` : ""}`,
    `Severity: ${item.severity}`,
    item.region ? `Region: ${item.region}` : undefined,
    item.assignee ? `Assignee: ${item.assignee}` : undefined,
    item.dueOn ? `Due: ${item.dueOn}${isOverdue(item, now) ? " (overdue)" : ""}` : undefined,
    item.state === "risk_accepted" && item.riskReason ? `Risk accepted until ${item.riskExpiresOn}: ${item.riskReason}` : undefined,
  ].filter((fact): fact is string => fact !== undefined);
  const lines = [
    `### [${box}] ${markdownText(title)}: ${markdownText(item.resourceName)}`,
    "",
    ...facts.map((fact) => `- ${markdownText(fact)}`),
    `- Finding: ${markdownText(item.reason)}`,
  ];
  if (remediation) {
    lines.push(`- Why it matters: ${markdownText(remediation.why)}`, `- What to do: ${markdownText(remediation.summary)}`, "", "Console:", "");
    remediation.console.forEach((step, index) => lines.push(`${index + 1}. ${markdownText(step)}`));
    if (remediation.commands.length > 0) {
      const script = remediation.commands.map((command) => `# ${command.description.replace(/\s+/g, " ")}\n${renderCliCommand(command)}`).join("\n\n");
      lines.push("", "AWS CLI:", "", codeBlock(script, "sh"));
    }
    for (const snippet of remediation.snippets) lines.push("", `${markdownText(snippet.title)}:`, "", codeBlock(snippet.code, snippet.language));
    if (remediation.care.length > 0) lines.push("", "Take care:", "", ...remediation.care.map((note) => `- ${markdownText(note)}`));
  }
  return lines.join("\n");
}

export function checklistMarkdown(account: { awsAccountId: string; name: string }, items: ChecklistItemView[], now: Date): string {
  const progress = progressOf(items, now);
  const parts = [
    `# Remediation checklist: ${markdownText(account.name)} (${account.awsAccountId})`,
    "",
    markdownText(`Exported ${now.toISOString().slice(0, 16).replace("T", " ")} UTC. ${progress.total} items: ${progress.resolved} verified or fixed, ${progress.awaitingVerification} done awaiting verification, ${progress.byState.risk_accepted} risk accepted, ${progress.byState.open + progress.byState.in_progress} to do.`),
  ];
  for (const group of groupByExercise(items)) {
    const exercise = EXERCISES.find((entry) => entry.number === group.exercise);
    parts.push("", `## Exercise ${group.exercise}: ${markdownText(exercise?.title ?? "")}`);
    for (const item of group.items) parts.push("", itemMarkdown(item, now));
  }
  return `${parts.join("\n")}\n`;
}
