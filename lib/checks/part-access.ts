/**
 * Reading snapshot parts for a check: the facts, or why they are not there. A part that failed
 * (even with stale data), is missing or does not match the contract is "unavailable": the check
 * reports `unknown`, never a pass (CHECKS.md). A regional part that was skipped because the
 * region is disabled is "skipped": nothing to judge there.
 */
import type { JsonValue } from "@/lib/checks/types";
import { partInWords, partSentence } from "@/lib/snapshot/part-words";
import {
  globalPartSchemas,
  regionalPartSchemas,
  type AccountSnapshot,
  type GlobalPartName,
  type PartData,
  type PartName,
  type PartResult,
  type RegionalPartName,
} from "@/lib/snapshot/schema";

export interface UnavailablePart {
  part: PartName;
  region?: string;
  /** "iam:GenerateCredentialReport failed: AccessDenied; last known data is from 2025-01-02T…" */
  reason: string;
  /** Stable facts only: no AWS error message (it carries request ids that change every run). */
  evidence: { [key: string]: JsonValue };
}

export type PartAccess<T> = { available: true; data: T } | { available: false; unavailable: UnavailablePart };

export type RegionalPartAccess<T> = { region: string } & (PartAccess<T> | { available: false; skipped: true });

const validated = new WeakMap<object, { success: boolean; data?: unknown; issue?: string }>();

function validate(name: PartName, result: { data: unknown }): { success: boolean; data?: unknown; issue?: string } {
  const cached = validated.get(result);
  if (cached) return cached;
  const schema = name in globalPartSchemas ? globalPartSchemas[name as GlobalPartName] : regionalPartSchemas[name as RegionalPartName];
  const parsed = schema.safeParse(result.data);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  const outcome = parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, issue: issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid" };
  validated.set(result, outcome);
  return outcome;
}

function withRegion(region: string | undefined): { region?: string } {
  return region === undefined ? {} : { region };
}

function access<T>(name: PartName, region: string | undefined, result: PartResult<unknown> | undefined): PartAccess<T> {
  const where = region === undefined ? "" : ` in ${region}`;
  if (result === undefined) {
    return {
      available: false,
      unavailable: { part: name, ...withRegion(region), reason: partSentence(name, region, "not collected"), evidence: { part: name, ...withRegion(region), status: "missing" } },
    };
  }
  if (result.status === "error") {
    const stale = result.stale ? `; last known data is from ${result.stale.collectedAt}, not used to pass` : "";
    const evidence: UnavailablePart["evidence"] = { part: name, ...withRegion(region), status: "error", api: result.error.api, code: result.error.code };
    if (result.stale) evidence.staleCollectedAt = result.stale.collectedAt;
    return { available: false, unavailable: { part: name, ...withRegion(region), reason: `${result.error.api} failed${where}: ${result.error.code}${stale}`, evidence } };
  }
  if (result.status === "skipped") {
    return {
      available: false,
      unavailable: { part: name, ...withRegion(region), reason: partSentence(name, region, `skipped (${result.reason})`), evidence: { part: name, ...withRegion(region), status: "skipped", skipReason: result.reason } },
    };
  }
  const outcome = validate(name, result);
  if (!outcome.success) {
    return {
      available: false,
      unavailable: {
        part: name,
        ...withRegion(region),
        reason: `the stored copy of ${partInWords(name, region)} is not in a form this version of iamfit reads`,
        // The schema path of the first mismatch, for whoever debugs it; not shown to people.
        evidence: { part: name, ...withRegion(region), status: "invalid", detail: outcome.issue ?? "invalid" },
      },
    };
  }
  return { available: true, data: outcome.data as T };
}

export function globalPart<N extends GlobalPartName>(snapshot: AccountSnapshot, name: N): PartAccess<PartData<N>> {
  return access<PartData<N>>(name, undefined, snapshot.parts[name]);
}

/**
 * Where regional findings for regions nobody listed go. When ec2:DescribeRegions fails the
 * collector falls back to the regions AWS enables by default, so opt-in regions the account
 * enabled were never examined; they cannot be named, so they are judged together, as unknown.
 */
export const UNEXAMINED_REGIONS = "opt-in regions";

/** Why regions beyond the snapshot's own were not examined, when the region list could not be read. */
export function unexaminedRegions(snapshot: AccountSnapshot): UnavailablePart | undefined {
  const regions = snapshot.parts["ec2.regions"];
  if (regions?.status !== "error") return undefined;
  return {
    part: "ec2.regions",
    region: UNEXAMINED_REGIONS,
    reason:
      `the account's regions could not be listed (${regions.error.api} failed: ${regions.error.code}), ` +
      "so only the regions AWS enables by default were examined",
    evidence: { part: "ec2.regions", status: "error", api: regions.error.api, code: regions.error.code, examinedRegions: [...snapshot.regions].sort() },
  };
}

/**
 * One entry per region the snapshot covers: its enabled regions plus any region a part was
 * stored for. A region without the part is unavailable (it should have been collected). When
 * the region list itself failed, one more entry stands for the regions that were not examined.
 */
export function regionalParts<N extends RegionalPartName>(snapshot: AccountSnapshot, name: N): Array<RegionalPartAccess<PartData<N>>> {
  const prefix = `${name}@`;
  const stored = Object.keys(snapshot.parts)
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length));
  const regions = [...new Set([...snapshot.regions, ...stored])].sort();
  const entries = regions.map((region) => regionalPart(snapshot, name, region));
  const unexamined = unexaminedRegions(snapshot);
  return unexamined ? [...entries, { region: UNEXAMINED_REGIONS, available: false, unavailable: unexamined }] : entries;
}

/** The part of one region, judged like `regionalParts` entries. */
export function regionalPart<N extends RegionalPartName>(snapshot: AccountSnapshot, name: N, region: string): RegionalPartAccess<PartData<N>> {
  const result = snapshot.parts[`${name}@${region}`];
  if (result?.status === "skipped") return { region, available: false, skipped: true };
  return { region, ...access<PartData<N>>(name, region, result) };
}

export function isSkipped<T>(entry: RegionalPartAccess<T>): entry is { region: string; available: false; skipped: true } {
  return !entry.available && "skipped" in entry;
}
