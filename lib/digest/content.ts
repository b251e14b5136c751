/**
 * What a digest says: facts in (DigestData), the email's content out (DigestModel), with every
 * number worked out and every line's link made absolute. Pure; the templates in ./email only
 * lay the model out, so the HTML and the plain-text part cannot disagree.
 */
import { DateTime } from "luxon";
import type { ExerciseNumber, Severity } from "@/lib/checks/types";
import { errorLabel } from "@/lib/collect/error-words";
import { checkInfo } from "@/lib/scorecard/catalogue";
import { scoreOrganization } from "@/lib/scoring/organization";
import type { DigestAccountFacts, DigestChecklistEntry, DigestData, DigestFindingChange } from "./digest-data";
import type { DigestLinks } from "./links";
import { describeScope } from "./scope";

/** Lines per section; the rest is counted and linked. */
export const SECTION_LIMIT = 10;

export interface ScoreLine {
  label: string;
  now: number | null;
  change: number | null;
  href: string;
  assessed: number;
  total: number;
}

export interface AccountChangeLine {
  name: string;
  awsAccountId: string;
  before: number | null;
  now: number | null;
  /** null for an account assessed for the first time. */
  change: number | null;
  href: string;
}

export interface FindingLine {
  severity: Severity;
  checkTitle: string;
  exercise: ExerciseNumber;
  resourceName: string;
  accountName: string;
  reason: string;
  href: string;
}

export interface ChecklistLine {
  severity: Severity;
  checkTitle: string;
  resourceName: string;
  accountName: string;
  /** "due 2026-03-20, 10 days overdue" / "expires 2026-04-02, in 3 days". */
  when: string;
  assignee: string | null;
  href: string;
}

export interface NotAssessedLine {
  name: string;
  awsAccountId: string;
  reason: string;
  href: string;
}

export interface Section<T> {
  lines: T[];
  total: number;
  /** Where the whole list is, when it is longer than the email shows. */
  moreHref: string;
}

export interface DigestModel {
  subject: string;
  /** The inbox preview line. */
  preheader: string;
  scopeLabel: string;
  periodLabel: string;
  score: ScoreLine;
  accountChanges: Section<AccountChangeLine> & { unchanged: number };
  newFailures: Section<FindingLine>;
  fixed: Section<FindingLine>;
  overdue: Section<ChecklistLine> | null;
  expiringAcceptances: Section<ChecklistLine> | null;
  notAssessed: Section<NotAssessedLine>;
  links: { scorecard: string; settings: string; unsubscribe: string };
}

export interface DigestContext {
  links: DigestLinks;
  subscriptionId: string;
  unsubscribeToken: string;
  timeZone: string;
}

/** "+3", "−3" (a real minus sign), "±0". */
export function formatChange(change: number): string {
  if (change > 0) return `+${change}`;
  if (change < 0) return `\u2212${Math.abs(change)}`;
  return "±0";
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const DAY_MS = 86_400_000;
const NAME_LIMIT = 120;

/**
 * Names and reasons come from AWS and from people (account names, tags): HTML escaping is the
 * renderer's job, but control characters and bidirectional overrides would forge lines or reorder
 * text in the plain-text part and in inbox previews, so they become spaces here. Long names are cut.
 */
export function displayText(text: string, limit = NAME_LIMIT): string {
  const cleaned = text.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069\u200E\u200F\u2028\u2029]/gu, " ").replace(/ {2,}/g, " ").trim();
  return cleaned.length > limit ? `${cleaned.slice(0, limit - 1)}…` : cleaned;
}

function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS);
}

function scoreLine(data: DigestData, links: DigestLinks): ScoreLine {
  const assessed = data.accounts.filter((account) => account.assessedNow).length;
  const base = { href: links.scorecard(), assessed, total: data.accounts.length };
  if (data.scope.kind === "all" && data.organization) {
    const { now, before } = data.organization;
    return { ...base, label: "Organization score", now, change: now !== null && before !== null ? now - before : null };
  }
  const summary = (pick: (account: DigestAccountFacts) => number | null) =>
    scoreOrganization(data.accounts.map((account) => ({ accountId: account.awsAccountId, score: pick(account), exerciseScores: [] }))).score;
  const now = summary((account) => account.scoreNow);
  const before = summary((account) => account.scoreBefore);
  return {
    ...base,
    label: data.scope.kind === "all" ? "Organization score" : `Score of ${plural(data.accounts.length, "account")} in this digest`,
    now,
    change: now !== null && before !== null ? now - before : null,
  };
}

function accountChanges(data: DigestData, links: DigestLinks): DigestModel["accountChanges"] {
  const changed: AccountChangeLine[] = [];
  let unchanged = 0;
  for (const account of data.accounts) {
    if (!account.assessedNow || account.scoreNow === null) continue;
    const line = { name: displayText(account.name), awsAccountId: account.awsAccountId, before: account.scoreBefore, now: account.scoreNow, href: links.account(account.awsAccountId) };
    if (account.scoreBefore === null) {
      if (!account.assessedBefore) changed.push({ ...line, change: null });
    } else if (account.scoreNow !== account.scoreBefore) {
      changed.push({ ...line, change: account.scoreNow - account.scoreBefore });
    } else {
      unchanged += 1;
    }
  }
  // Biggest drops first, then the biggest gains; accounts assessed for the first time last.
  changed.sort((a, b) => (a.change ?? Infinity) - (b.change ?? Infinity) || a.name.localeCompare(b.name) || a.awsAccountId.localeCompare(b.awsAccountId));
  return { lines: changed.slice(0, SECTION_LIMIT), total: changed.length, moreHref: links.scorecard(), unchanged };
}

function findingLine(change: DigestFindingChange, links: DigestLinks): FindingLine {
  return {
    severity: change.severity,
    checkTitle: checkInfo(change.checkId, change.exercise).title,
    exercise: change.exercise,
    resourceName: displayText(change.resourceName),
    accountName: displayText(change.accountName),
    reason: displayText(change.reason, 300),
    href: links.resource(change.awsAccountId, change.resourceId),
  };
}

function checklistLine(entry: DigestChecklistEntry, when: string, links: DigestLinks): ChecklistLine {
  return {
    severity: entry.severity,
    checkTitle: checkInfo(entry.checkId, entry.exercise).title,
    resourceName: displayText(entry.resourceName),
    accountName: displayText(entry.accountName),
    when,
    assignee: entry.assignee === null ? null : displayText(entry.assignee),
    href: links.checklistItem(entry.awsAccountId, entry.itemId),
  };
}

function overdueWhen(entry: DigestChecklistEntry, today: string): string {
  // Due on a day means done by the end of it (lib/dates/calendar-days.ts).
  const late = daysBetween(entry.day, today);
  return `due ${entry.day}, ${plural(late, "day")} overdue`;
}

function expiryWhen(entry: DigestChecklistEntry, today: string): string {
  const left = daysBetween(today, entry.day);
  if (left <= 0) return `expired ${entry.day}; reopens at the next collection`;
  return `expires ${entry.day}, ${left === 1 ? "tomorrow" : `in ${left} days`}`;
}

function notAssessedReason(account: DigestAccountFacts): string {
  const error = account.lastError;
  const detail = error ? [error.code ? errorLabel(error.code) : undefined, error.message].filter(Boolean).join(": ") : "";
  const api = error?.api ? ` (${error.api})` : "";
  if (account.lastStatus === "never") return "Not collected yet";
  if (account.lastStatus === "failed") {
    const why = detail ? `${detail}${api}` : "the last collection failed";
    return account.assessedNow ? `Last collection failed, scores are older: ${why}` : `Could not be collected: ${why}`;
  }
  return detail ? `Not assessed: ${detail}${api}` : "Not assessed yet";
}

function notAssessed(data: DigestData, links: DigestLinks): Section<NotAssessedLine> {
  const accounts = data.accounts
    .filter((account) => !account.assessedNow || account.lastStatus === "failed")
    .sort((a, b) => Number(a.assessedNow) - Number(b.assessedNow) || a.name.localeCompare(b.name));
  return {
    lines: accounts.slice(0, SECTION_LIMIT).map((account) => ({
      name: displayText(account.name),
      awsAccountId: account.awsAccountId,
      reason: displayText(notAssessedReason(account), 300),
      href: links.account(account.awsAccountId),
    })),
    total: accounts.length,
    moreHref: links.scorecard(),
  };
}

function periodLabel(data: DigestData, timeZone: string): string {
  const format = (iso: string) => DateTime.fromISO(iso, { zone: timeZone }).toFormat("d LLL yyyy");
  if (data.window.fromAt && data.window.toAt) return `${format(data.window.fromAt)} – ${format(data.window.toAt)}`;
  if (data.window.toAt) return `as of ${format(data.window.toAt)}`;
  return `as of ${format(data.generatedAt)}`;
}

function subjectOf(score: ScoreLine, newFailures: number): string {
  const parts = [score.now === null ? "no score yet" : `score ${score.now}${score.change === null ? "" : ` (${formatChange(score.change)})`}`];
  if (newFailures > 0) parts.push(`${plural(newFailures, "new critical/high failure")}`);
  return `iamfit weekly digest: ${parts.join(", ")}`;
}

export function buildDigest(data: DigestData, context: DigestContext): DigestModel {
  const { links } = context;
  const today = DateTime.fromISO(data.generatedAt, { zone: "utc" }).toISODate()!;
  const score = scoreLine(data, links);
  const model: DigestModel = {
    subject: subjectOf(score, data.newFailures.total),
    preheader: "",
    scopeLabel: describeScope(data.scope),
    periodLabel: periodLabel(data, context.timeZone),
    score,
    accountChanges: accountChanges(data, links),
    newFailures: { lines: data.newFailures.items.slice(0, SECTION_LIMIT).map((change) => findingLine(change, links)), total: data.newFailures.total, moreHref: links.changes("worse") },
    fixed: { lines: data.fixed.items.slice(0, SECTION_LIMIT).map((change) => findingLine(change, links)), total: data.fixed.total, moreHref: links.changes("fixed") },
    overdue: data.overdue && {
      lines: data.overdue.items.slice(0, SECTION_LIMIT).map((entry) => checklistLine(entry, overdueWhen(entry, today), links)),
      total: data.overdue.total,
      moreHref: links.checklists(),
    },
    expiringAcceptances: data.expiringAcceptances && {
      lines: data.expiringAcceptances.items.slice(0, SECTION_LIMIT).map((entry) => checklistLine(entry, expiryWhen(entry, today), links)),
      total: data.expiringAcceptances.total,
      moreHref: links.checklists(),
    },
    notAssessed: notAssessed(data, links),
    links: {
      scorecard: links.scorecard(),
      settings: links.digestSettings(context.subscriptionId),
      unsubscribe: links.unsubscribePage(context.subscriptionId, context.unsubscribeToken),
    },
  };
  model.preheader = preheaderOf(model);
  return model;
}

function preheaderOf(model: DigestModel): string {
  const parts = [
    `${plural(model.newFailures.total, "new critical/high failure")}`,
    `${plural(model.fixed.total, "fixed finding")}`,
  ];
  if (model.overdue && model.overdue.total > 0) parts.push(`${plural(model.overdue.total, "overdue item")}`);
  if (model.notAssessed.total > 0) parts.push(`${plural(model.notAssessed.total, "account")} not assessed`);
  return `${model.scopeLabel}, ${model.periodLabel}: ${parts.join(", ")}.`;
}
