/**
 * Turns a finding's evidence (whatever facts its check stored: a credential-report row, a policy
 * statement, a security-group rule, a bucket-policy statement…) into blocks the UI can render
 * readably. Evidence is JSON of the check's choosing, so shapes are recognised by their fields:
 * - a credential-report row (`user`, `arn` and report columns) becomes a key/value table;
 * - a policy statement (an object with `Effect`) becomes pretty JSON with the risky parts marked:
 *   `NotAction`/`NotResource`/`NotPrincipal`, wildcards in Action/Resource/Principal, and the
 *   actions the evidence names elsewhere (e.g. the escalation actions found);
 * - security-group permissions (`ipProtocol`) become a rule table with open ranges marked;
 * - lists of flat objects become tables; values nested deeper than a few levels, pretty JSON.
 */
import type { JsonValue } from "@/lib/checks/types";
import { credentialReportRowSchema, type CredentialReportRow } from "@/lib/snapshot/schema";
import { factsBlock, type EvidenceBlock, type SecurityGroupRuleRow } from "@/lib/checks/evidence/blocks";
import { credentialFacts } from "@/lib/checks/evidence/credential-report-facts";
import { prettyJsonLines, type JsonPath } from "./json-lines";
import { OPEN_RANGES, statementMarks } from "./statement-marks";

export { evidenceHasMarks, type EvidenceBlock } from "@/lib/checks/evidence/blocks";

type JsonObject = { [key: string]: JsonValue };

const CREDENTIAL_COLUMNS = new Set(Object.keys(credentialReportRowSchema.shape));
const MAX_BLOCKS = 12;
/** Deeper than this, a value is shown as pretty JSON rather than split into more blocks. */
const MAX_DEPTH = 3;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isScalar(value: JsonValue | undefined): value is string | number | boolean | null {
  return value === null || typeof value !== "object";
}

function display(value: JsonValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return value;
  if (isScalar(value)) return String(value);
  if (Array.isArray(value) && value.length === 0) return "none";
  if (Array.isArray(value) && value.every(isScalar)) return value.map(display).join(", ");
  return JSON.stringify(value);
}

function humanize(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

export function isCredentialReportRow(value: JsonValue | undefined): value is JsonObject {
  if (!isObject(value) || typeof value.user !== "string" || typeof value.arn !== "string") return false;
  return Object.keys(value).some((key) => key !== "user" && key !== "arn" && CREDENTIAL_COLUMNS.has(key));
}

export function isPolicyStatement(value: JsonValue | undefined): value is JsonObject {
  return isObject(value) && (value.Effect === "Allow" || value.Effect === "Deny");
}

function isIpPermission(value: JsonValue | undefined): value is JsonObject {
  return isObject(value) && typeof value.ipProtocol === "string";
}

/** Strings the evidence names beside a statement (e.g. `actions: ["iam:PassRole"]`), to mark inside it. */
function namedStrings(container: JsonObject | undefined): Set<string> {
  const names = new Set<string>();
  if (!container) return names;
  for (const [key, value] of Object.entries(container)) {
    if (!/action|permission|offending|matched|highlight|principal/i.test(key)) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) if (typeof item === "string") names.add(item.toLowerCase());
  }
  return names;
}

function openRangeMarks(_path: JsonPath, kind: "key" | "value", value: JsonValue): boolean {
  return kind === "value" && typeof value === "string" && OPEN_RANGES.has(value);
}

function ports(permission: JsonObject): string {
  if (permission.ipProtocol === "-1") return "all";
  const from = permission.fromPort;
  const to = permission.toPort;
  if (typeof from !== "number") return "all";
  return to === undefined || to === from ? String(from) : `${from}–${to}`;
}

function securityGroupRule(permission: JsonObject): SecurityGroupRuleRow {
  const list = (key: string) => (Array.isArray(permission[key]) ? (permission[key] as JsonValue[]).map(display) : []);
  // The snapshot's IpPermission shape, or a check's summary of a rule with its `sources`.
  const sources = [...list("sources"), ...list("ipv4Ranges"), ...list("ipv6Ranges"), ...list("userIdGroupPairs"), ...list("prefixListIds")];
  return {
    protocol: permission.ipProtocol === "-1" ? "all" : display(permission.ipProtocol ?? ""),
    ports: ports(permission),
    sources: sources.map((text) => ({ text, mark: OPEN_RANGES.has(text) })),
  };
}

function fieldsBlock(title: string, object: JsonObject): EvidenceBlock {
  return {
    kind: "fields",
    title,
    rows: Object.entries(object).map(([key, value]) => ({
      key,
      value: display(value),
      mark: typeof value === "string" && OPEN_RANGES.has(value),
    })),
  };
}

function tableBlock(title: string, rows: JsonObject[]): EvidenceBlock {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return { kind: "table", title, columns, rows: rows.map((row) => columns.map((column) => (row[column] === undefined ? "" : display(row[column]!)))) };
}

function statementTitle(evidence: JsonObject | undefined, title: string): string {
  if (typeof evidence?.index !== "number") return title === "Evidence" ? "Statement" : title;
  const label = `Statement ${evidence.index + 1}${typeof evidence.sid === "string" ? ` (${evidence.sid})` : ""}`;
  return title === "Evidence" || /^statements?( \d+)?$/i.test(title) ? label : `${title} · ${label}`;
}

/** lib/policy's StatementEvidence `{ index, sid?, statement }`, possibly with a few scalar notes (`conditional`). */
function isStatementEvidence(value: JsonValue | undefined): value is JsonObject {
  return isObject(value) && isPolicyStatement(value.statement) && Object.entries(value).every(([key, child]) => key === "statement" || isScalar(child));
}

/** The scalar notes beside a statement, as "conditional: false". */
function statementNotes(evidence: JsonObject): string {
  return Object.entries(evidence)
    .filter(([key]) => !["index", "sid", "statement"].includes(key))
    .map(([key, value]) => `${key}: ${display(value)}`)
    .join(", ");
}

function isFlatObject(value: JsonValue): value is JsonObject {
  return isObject(value) && Object.values(value).every((cell) => isScalar(cell) || (Array.isArray(cell) && cell.every(isScalar)));
}

interface Context {
  out: EvidenceBlock[];
  /** Strings named anywhere above this value, to mark inside statements. */
  named: Set<string>;
}

function blocksOf(value: JsonValue, title: string, context: Context, depth: number) {
  const { out } = context;
  if (out.length >= MAX_BLOCKS) return;
  if (depth > MAX_DEPTH && !isScalar(value)) {
    out.push({ kind: "json", title, lines: prettyJsonLines(value, openRangeMarks) });
    return;
  }
  if (isCredentialReportRow(value)) {
    out.push(factsBlock(title === "Evidence" ? "Credential report row" : title, credentialFacts(value as Partial<Record<keyof CredentialReportRow, string | boolean>>)));
    return;
  }
  if (isStatementEvidence(value) || isPolicyStatement(value)) {
    const statement = isStatementEvidence(value) ? (value.statement as JsonObject) : value;
    const evidence = isStatementEvidence(value) ? value : undefined;
    const notes = evidence ? statementNotes(evidence) : "";
    const heading = notes ? `${statementTitle(evidence, title)} · ${notes}` : statementTitle(evidence, title);
    out.push({ kind: "statement", title: heading, lines: prettyJsonLines(statement, statementMarks(context.named)) });
    return;
  }
  if (isIpPermission(value)) {
    out.push({ kind: "security_group_rules", title, rules: [securityGroupRule(value)] });
    return;
  }
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isIpPermission)) {
      out.push({ kind: "security_group_rules", title, rules: value.map(securityGroupRule) });
    } else if (value.some((item) => isPolicyStatement(item) || isStatementEvidence(item) || isCredentialReportRow(item))) {
      value.forEach((item, index) => blocksOf(item, value.length > 1 ? `${title} ${index + 1}` : title, context, depth + 1));
    } else if (value.length > 0 && value.every(isFlatObject)) {
      out.push(tableBlock(title, value));
    } else if (value.length > 0 && value.every(isObject)) {
      value.forEach((item, index) => blocksOf(item, value.length > 1 ? `${title} ${index + 1}` : title, context, depth + 1));
    } else if (value.every(isScalar)) {
      out.push({ kind: "fields", title, rows: [{ key: title, value: display(value), mark: false }] });
    } else {
      out.push({ kind: "json", title, lines: prettyJsonLines(value, openRangeMarks) });
    }
    return;
  }
  if (!isObject(value)) {
    out.push({ kind: "fields", title, rows: [{ key: title, value: display(value), mark: false }] });
    return;
  }
  // An object: its scalar fields form one table, each nested value its own block.
  const named = new Set([...context.named, ...namedStrings(value)]);
  const scalars: JsonObject = {};
  const nested: Array<[string, JsonValue]> = [];
  for (const [key, child] of Object.entries(value)) {
    if (isScalar(child) || (Array.isArray(child) && child.every(isScalar))) scalars[key] = child;
    else nested.push([key, child]);
  }
  if (Object.keys(scalars).length > 0) out.push(fieldsBlock(title, scalars));
  for (const [key, child] of nested) blocksOf(child, humanize(key), { out, named }, depth + 1);
}

/** Readable blocks for one finding's evidence (or other facts, titled `title`); never more than a dozen. */
export function describeEvidence(evidence: JsonValue | undefined, title = "Evidence"): EvidenceBlock[] {
  if (evidence === undefined) return [];
  const blocks: EvidenceBlock[] = [];
  blocksOf(evidence, title, { out: blocks, named: new Set() }, 0);
  return blocks;
}
