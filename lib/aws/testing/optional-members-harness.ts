/**
 * Test-only: collect a sandbox account through the real collectors, then collect chosen parts
 * again while an operation answers with some of its optional members left out, and compare the
 * findings. Used by the property tests of every operation the collectors call.
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { createAccountClients, type AccountClients } from "@/lib/aws/client-factory";
import { serviceControlPolicyReader } from "@/lib/aws/collectors/organizations-scps";
import { connectOrganizations } from "@/lib/aws/organizations";
import { evaluateSnapshot } from "@/lib/checks/registry";
import { DEFAULT_THRESHOLDS, type Finding } from "@/lib/checks/types";
import { REGIONAL_COLLECTORS, collectAccount, globalPartCollectors, runPart, type CollectAccountOptions } from "@/lib/collect/collect-account";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { TEST_NOW, testWorld } from "@/lib/sandbox/test-fixtures";
import {
  GLOBAL_PART_NAMES,
  partKey,
  type AccountSnapshot,
  type GlobalPartName,
  type PartKey,
  type PartName,
  type PartResult,
  type Region,
  type RegionalPartName,
} from "@/lib/snapshot/schema";
import { memberRemovalPlugin, type MemberRemoval, type RecordedCall } from "./member-removal-plugin";
import { optionalMemberPaths, type MemberPath } from "./sdk-optional-members";

export interface OperationUnderTest {
  /** "IAM:GetAccountAuthorizationDetails": the SDK client (without "Client") and the operation. */
  operation: string;
  /** The parts whose collectors call it. */
  parts: PartName[];
}

export interface CandidateRemoval {
  callKey: string;
  path: MemberPath;
  /** The path with list indexes as `[]`: `Policies[].PolicyName`. */
  memberKind: string;
}

export interface Harness {
  baseline: AccountSnapshot;
  baselineFindings: Finding[];
  /** Every optional member present in what the operation answered while its parts were collected. */
  candidates(operation: OperationUnderTest): Promise<CandidateRemoval[]>;
  /** The baseline snapshot with the operation's parts collected again, these members left out. */
  collectWithout(operation: OperationUnderTest, removals: CandidateRemoval[]): Promise<AccountSnapshot>;
  destroy(): void;
}

/** Four regions keep each run short: the home region and regions the curated accounts build in. */
const baseOptions: CollectAccountOptions = {
  now: () => TEST_NOW,
  credentialReport: { sleep: async () => undefined },
  regions: { allow: ["us-east-1", "eu-west-1", "af-south-1", "me-south-1"] },
};

export async function createHarness(accountName: string): Promise<Harness> {
  const world = testWorld();
  const account = [...world.accounts()].find((candidate) => candidate.name === accountName);
  if (!account) throw new Error(`No sandbox account ${accountName}`);
  const removal: MemberRemoval = { remove: new Map() };
  const clients = createAccountClients(
    {
      credentials: async () => SANDBOX_BASE_CREDENTIALS,
      plugins: [sandboxPlugin(world, { builtInRules: false }), memberRemovalPlugin(removal)],
      maxAttempts: 1,
      retryMode: "standard",
    },
    { accountId: account.accountId, roleArn: account.roleArn, externalId: world.externalId },
  );
  // The organization's SCPs are read from the management account, as iamfit does; nothing is
  // remembered between collections, so every one asks again and meets the members left out.
  const organizations = connectOrganizations({
    credentials: async () => SANDBOX_BASE_CREDENTIALS,
    plugins: [sandboxPlugin(world, { builtInRules: false }), memberRemovalPlugin(removal)],
    maxAttempts: 1,
    retryMode: "standard",
  });
  const options: CollectAccountOptions = { ...baseOptions, serviceControlPolicies: serviceControlPolicyReader(organizations.client, { cacheMs: 0 }) };
  const baseline = await collectAccount(clients, options);
  const regions = regionsOf(baseline);

  const collectParts = async (names: PartName[]): Promise<AccountSnapshot> => {
    if (names.includes("ec2.regions")) return collectAccount(clients, options);
    const parts: Record<PartKey, PartResult<unknown>> = { ...baseline.parts };
    const collectors = globalPartCollectors(clients, options, baseline.regions);
    for (const name of names) {
      if ((GLOBAL_PART_NAMES as PartName[]).includes(name)) {
        const { api, collect } = collectors[name as Exclude<GlobalPartName, "ec2.regions">];
        parts[name] = await runPart(api, collect, undefined, undefined);
      } else {
        const { api, collect } = REGIONAL_COLLECTORS[name as RegionalPartName];
        for (const region of regions) {
          parts[partKey(name, region.regionName)] = await runPart(api, () => collect(clients, region.regionName), region, undefined);
        }
      }
    }
    return { ...baseline, parts };
  };

  return {
    baseline,
    baselineFindings: evaluateSnapshot(baseline, DEFAULT_THRESHOLDS),
    async candidates(operation) {
      const calls: RecordedCall[] = [];
      removal.recording = { operations: new Set([operation.operation]), calls };
      try {
        await collectParts(operation.parts);
      } finally {
        removal.recording = undefined;
      }
      const seen = new Set<string>();
      return calls.flatMap((call) => {
        if (seen.has(call.callKey)) return [];
        seen.add(call.callKey);
        return optionalMemberPaths(call.client, call.operation, call.output).map((path) => ({
          callKey: call.callKey,
          path,
          memberKind: memberKind(path),
        }));
      });
    },
    async collectWithout(operation, removals) {
      removal.remove = new Map();
      for (const candidate of removals) {
        removal.remove.set(candidate.callKey, [...(removal.remove.get(candidate.callKey) ?? []), candidate.path]);
      }
      try {
        return await collectParts(operation.parts);
      } finally {
        removal.remove = new Map();
      }
    },
    destroy: () => {
      clients.destroy();
      organizations.destroy();
    },
  };
}

function regionsOf(snapshot: AccountSnapshot): Region[] {
  const part = snapshot.parts["ec2.regions"];
  if (part?.status !== "ok") throw new Error("The baseline collection has no regions");
  return (part.data as Region[]).filter((region) => snapshot.regions.includes(region.regionName));
}

export function memberKind(path: MemberPath): string {
  return path.map((segment) => (typeof segment === "number" ? "[]" : segment)).join(".").replace(/\.\[\]/g, "[]");
}

/**
 * Which members to leave out: some kinds of member (`Policies[].PolicyName`), each either from
 * every entry that has it (as an endpoint that never sends it would) or from some entries.
 */
export function removalsArbitrary(candidates: CandidateRemoval[]): fc.Arbitrary<CandidateRemoval[]> {
  const kinds = [...new Set(candidates.map((candidate) => candidate.memberKind))].sort();
  return fc
    .record({
      chosenKinds: fc.subarray(kinds, { minLength: 1 }),
      everywhere: fc.boolean(),
      salt: fc.nat(),
    })
    .map(({ chosenKinds, everywhere, salt }) => {
      const chosen = new Set(chosenKinds);
      return candidates.filter(
        (candidate) => chosen.has(candidate.memberKind) && (everywhere || hashOf(`${salt}|${candidate.callKey}|${candidate.path.join(".")}`) % 2 === 0),
      );
    });
}

function hashOf(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619) >>> 0;
  return hash;
}

/**
 * A pass or not_applicable after members were left out must be one the complete answer gave too,
 * judged on the same evidence: otherwise the check judged facts it did not have. When the part
 * itself could not be collected, a check may still judge from another part (the account summary
 * instead of the credential report): then only the status is compared.
 */
export interface ComparisonOptions {
  /** False when the part itself was lost: checks may judge from another part, so only statuses are compared. */
  compareEvidence: boolean;
  /** Checks known to judge correctly without the members left out (each with its reason in the test). */
  judgedWithout?: Set<string>;
  /** Regions the complete answer collected; findings about others have nothing to compare with. */
  comparedRegions?: Set<string>;
  /** Evidence that differs from the complete answer's only in ways that cannot make a pass wrong. */
  evidenceEquivalent?: (before: unknown, after: unknown) => boolean;
}

export function passesNotBackedByCompleteFacts(baseline: Finding[], reduced: Finding[], options: ComparisonOptions = { compareEvidence: true }): string[] {
  const byKey = new Map(baseline.map((finding) => [`${finding.checkId} ${finding.resourceId}`, finding]));
  // A resource whose ARN was left out is named by a derived id instead; it is the same resource.
  const byName = new Map(baseline.map((finding) => [`${finding.checkId} ${finding.region ?? ""} ${finding.resourceName}`, finding]));
  return reduced.flatMap((finding) => {
    if (finding.status !== "pass" && finding.status !== "not_applicable") return [];
    if (finding.region !== undefined && options.comparedRegions && !options.comparedRegions.has(finding.region)) return [];
    const before =
      byKey.get(`${finding.checkId} ${finding.resourceId}`) ?? byName.get(`${finding.checkId} ${finding.region ?? ""} ${finding.resourceName}`);
    const sameFacts =
      !options.compareEvidence ||
      options.judgedWithout?.has(finding.checkId) ||
      isDeepStrictEqual(before?.evidence, finding.evidence) ||
      (options.evidenceEquivalent?.(before?.evidence, finding.evidence) ?? false);
    if (before && before.status === finding.status && sameFacts) return [];
    return [
      `${finding.checkId} ${finding.resourceId}: ${finding.status} (${finding.reason}) ` +
        (before ? `where the complete answer gave ${before.status} on ${JSON.stringify(before.evidence)}` : "where the complete answer had no finding") +
        ` (now on ${JSON.stringify(finding.evidence)})`,
    ];
  });
}
