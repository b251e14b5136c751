/**
 * Generated accounts: a cheap "traits" record per index (id, name, tags, posture flags, sizes)
 * that listings use without building anything, and from which the full account is built on
 * demand (generated-accounts.ts). Both come from the seed only.
 */
import type { AccountEnv } from "@/lib/sandbox/model";
import { createRng, hashParts } from "@/lib/sandbox/prng";
import { OPT_IN_REGIONS } from "@/lib/sandbox/regions";

/** Generated ids live in [200000000000, 900000000000); curated and vendor ids stay outside it. */
const ID_BASE = 200_000_000_000;
const ID_SPAN = 700_000_000_000;
/** Prime and coprime with ID_SPAN (2^11·5^11·7), so index → id is a bijection: no two indexes collide. */
const ID_MULTIPLIER = 982_451_653;

export function generatedAccountId(seed: number, index: number): string {
  const offset = hashParts(seed, "generated-id-offset") % ID_SPAN;
  // index * multiplier stays below 2^53 for any realistic index (< 9 million).
  const value = ID_BASE + ((index * ID_MULTIPLIER + offset) % ID_SPAN);
  return String(value).padStart(12, "0");
}

const TEAMS = [
  "analytics",
  "checkout",
  "search",
  "identity",
  "mobile",
  "ml-platform",
  "billing",
  "growth",
  "logistics",
  "support-tools",
  "observability",
  "content",
] as const;

export interface GeneratedTraits {
  index: number;
  accountId: string;
  name: string;
  env: AccountEnv;
  team: string;
  /** 0 (neglected) … 1 (exemplary): drives every probability below. */
  quality: number;
  rootAccessKey: boolean;
  rootUsedRecently: boolean;
  rootMfa: "none" | "virtual" | "hardware";
  passwordPolicy: "none" | "weak" | "strong";
  adminSprawl: boolean;
  staleKeys: boolean;
  sshOpenToWorld: boolean;
  defaultGroupsOpen: boolean;
  publicBucketPolicy: boolean;
  publicBucketAcl: boolean;
  accountPublicAccessBlock: "none" | "partial" | "full";
  trail: "none" | "single-region" | "stopped" | "multi-region";
  analyzers: "none" | "some" | "all";
  optedInRegions: string[];
  globalEndpointTokenVersion: 1 | 2;
  stsLockedDown: boolean;
  userCount: number;
  roleCount: number;
  bucketCount: number;
  instanceRegionCount: number;
}

function pickEnv(roll: number): AccountEnv {
  if (roll < 0.4) return "prod";
  if (roll < 0.65) return "staging";
  if (roll < 0.9) return "dev";
  return "sandbox";
}

export function generatedTraits(seed: number, index: number): GeneratedTraits {
  const rng = createRng(seed, "generated-traits", index);
  const quality = rng.next();
  const bad = (weight: number) => rng.chance(weight * (1 - quality));
  const env = pickEnv(rng.next());
  const team = rng.pick(TEAMS);
  const optedInRegions = rng.chance(0.2) ? rng.sample(OPT_IN_REGIONS, rng.int(1, 2)).sort() : [];
  const trailRoll = rng.next();
  return {
    index,
    accountId: generatedAccountId(seed, index),
    name: `${team}-${env}-${String(index + 1).padStart(4, "0")}`,
    env,
    team,
    quality,
    rootAccessKey: bad(0.35),
    rootUsedRecently: bad(0.5),
    rootMfa: bad(0.5) ? "none" : rng.chance(quality) ? "hardware" : "virtual",
    passwordPolicy: bad(0.6) ? "none" : bad(0.8) ? "weak" : "strong",
    adminSprawl: bad(0.7),
    staleKeys: bad(0.9),
    sshOpenToWorld: bad(0.6),
    defaultGroupsOpen: bad(1),
    publicBucketPolicy: bad(0.35),
    publicBucketAcl: bad(0.25),
    accountPublicAccessBlock: bad(0.6) ? "none" : bad(0.6) ? "partial" : "full",
    trail: trailRoll < 0.3 * (1 - quality) ? "none" : trailRoll < 0.45 * (1 - quality) ? "stopped" : bad(0.3) ? "single-region" : "multi-region",
    analyzers: bad(0.6) ? "none" : bad(0.8) ? "some" : "all",
    optedInRegions,
    globalEndpointTokenVersion: optedInRegions.length > 0 && bad(0.8) ? 1 : rng.chance(0.5) ? 2 : 1,
    stsLockedDown: rng.chance(quality * 0.3),
    userCount: rng.int(5, 40),
    roleCount: rng.int(3, 25),
    bucketCount: rng.int(2, 12),
    instanceRegionCount: rng.int(1, 4),
  };
}

/** One line naming what is wrong (or that nothing major is). */
export function describeGeneratedPosture(traits: GeneratedTraits): string {
  const problems: string[] = [];
  if (traits.rootAccessKey) problems.push("root access key");
  if (traits.rootMfa === "none") problems.push("no root MFA");
  if (traits.passwordPolicy !== "strong") problems.push(`${traits.passwordPolicy} password policy`);
  if (traits.adminSprawl) problems.push("many admins");
  if (traits.staleKeys) problems.push("stale access keys");
  if (traits.sshOpenToWorld) problems.push("SSH open to the world");
  if (traits.publicBucketPolicy || traits.publicBucketAcl) problems.push("public bucket");
  if (traits.trail !== "multi-region") problems.push(`CloudTrail ${traits.trail}`);
  const grade = traits.quality >= 0.75 ? "tidy" : traits.quality >= 0.4 ? "average" : "neglected";
  return problems.length === 0
    ? `Generated ${traits.env} account, ${grade} posture with no major problem.`
    : `Generated ${traits.env} account, ${grade} posture: ${problems.join(", ")}.`;
}
