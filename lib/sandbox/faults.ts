/**
 * Fault injection: latency and AWS-shaped failures per account, api and region. Rates are
 * deterministic from the world seed: the n-th call matching a rule is affected or not the same
 * way on every run (which call is "n-th" still depends on the caller's concurrency).
 */
import { unitFromParts } from "@/lib/sandbox/prng";

export type FaultKind = "throttle" | "access_denied" | "region_disabled" | "timeout" | "internal_error" | "hang";

export interface FaultRule {
  accountId?: string;
  /** "iam:GetCredentialReport", "ec2:*", "*"; `*` matches any run of characters. */
  api?: string;
  region?: string;
  fault: FaultKind;
  /** Fraction of matching calls affected (deterministic from the seed); default 1. */
  rate?: number;
  /** Only the first n matching calls. */
  times?: number;
}

export interface FaultPlan {
  /** Added latency per call in ms: one number, or per api ("iam:GetAccountAuthorizationDetails", "iam:*", "*"). */
  latencyMs?: number | Record<string, number>;
  rules?: FaultRule[];
  /** Apply the curated accounts' built-in rules (the throttling account); default true. */
  builtInRules?: boolean;
  /** How long "hang" waits when the request carries no abort signal; default 120 000 ms. */
  hangMs?: number;
}

export interface FaultCall {
  api: string;
  accountId: string;
  region: string;
}

export interface FaultEngine {
  latencyFor(api: string): number;
  /** The fault to inject into this call, if any. Counts the call against every matching rule. */
  faultFor(call: FaultCall): FaultKind | undefined;
  readonly hangMs: number;
}

const DEFAULT_HANG_MS = 120_000;

export function globMatches(pattern: string, value: string): boolean {
  if (pattern === "*") return true;
  if (!pattern.includes("*")) return pattern === value;
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`).test(value);
}

/** Most specific latency entry wins: an exact api, then the longest matching pattern. */
export function latencyForApi(latency: FaultPlan["latencyMs"], api: string): number {
  if (latency === undefined) return 0;
  if (typeof latency === "number") return latency;
  if (latency[api] !== undefined) return latency[api];
  let best: { length: number; value: number } | undefined;
  for (const [pattern, value] of Object.entries(latency)) {
    if (globMatches(pattern, api) && (!best || pattern.length > best.length)) best = { length: pattern.length, value };
  }
  return best?.value ?? 0;
}

function ruleMatches(rule: FaultRule, call: FaultCall): boolean {
  if (rule.accountId !== undefined && rule.accountId !== call.accountId) return false;
  if (rule.region !== undefined && rule.region !== call.region) return false;
  return globMatches(rule.api ?? "*", call.api);
}

export function createFaultEngine(seed: number, plan: FaultPlan = {}, builtInRules: FaultRule[] = []): FaultEngine {
  const rules = [
    ...(plan.rules ?? []).map((rule, index) => ({ rule, key: `plan:${index}` })),
    ...(plan.builtInRules === false ? [] : builtInRules.map((rule, index) => ({ rule, key: `builtin:${index}` }))),
  ];
  const matchedCounts = new Map<string, number>();
  return {
    hangMs: plan.hangMs ?? DEFAULT_HANG_MS,
    latencyFor: (api) => latencyForApi(plan.latencyMs, api),
    faultFor(call) {
      let chosen: FaultKind | undefined;
      for (const { rule, key } of rules) {
        if (!ruleMatches(rule, call)) continue;
        const n = matchedCounts.get(key) ?? 0;
        matchedCounts.set(key, n + 1);
        if (chosen !== undefined) continue;
        if (rule.times !== undefined && n >= rule.times) continue;
        const rate = rule.rate ?? 1;
        if (rate >= 1 || unitFromParts(seed, "fault", key, n) < rate) chosen = rule.fault;
      }
      return chosen;
    },
  };
}
