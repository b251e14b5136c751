/**
 * The stored service control policies of an account (snapshot part
 * organizations.serviceControlPolicies) as the evaluator's levels, with one sentence for a
 * person on whether they were considered and why. SCPs not read, or one that does not parse,
 * leave them out entirely: a partial set of levels would make the evaluator's answer wrong in
 * both directions, so the evidence says they were not considered instead.
 */
import type { ServiceControlPolicies, ServiceControlPolicyTargetLevel } from "@/lib/snapshot/schema";
import { parsePolicyDocument } from "./document";
import type { ServiceControlPolicyLevel } from "./evaluator";

export interface ServiceControlPolicyContext {
  /** The levels from the root down to the account; absent when SCPs were not considered. */
  levels?: ServiceControlPolicyLevel[];
  /** What a person reads in the evidence. */
  note: string;
}

/** Where a level's policies are attached, as a person reads it. */
export function describeScpTarget(level: Pick<ServiceControlPolicyTargetLevel, "targetType" | "targetName" | "targetId">): string {
  if (level.targetType === "ROOT") return "the organization root";
  if (level.targetType === "ORGANIZATIONAL_UNIT") return `OU ${level.targetName}`;
  return `account ${level.targetId}`;
}

/**
 * `facts` absent: the part could not be collected or read; `unavailableReason` says why (the
 * check's part access wording).
 */
export function serviceControlPolicyContext(facts: ServiceControlPolicies | undefined, unavailableReason?: string): ServiceControlPolicyContext {
  if (!facts) {
    return { note: `Service control policies were not considered: they could not be collected (${unavailableReason ?? "no data"}).` };
  }
  switch (facts.answer) {
    case "management_account":
      return { levels: [], note: "Service control policies were considered: they never restrict the management account." };
    case "not_enabled":
      return { levels: [], note: `Service control policies were considered: they are not enabled in organization ${facts.organizationId}.` };
    case "not_readable":
      return { note: `Service control policies were not considered: ${facts.reason}` };
    case "read": {
      const levels: ServiceControlPolicyLevel[] = [];
      for (const level of facts.levels) {
        const target = describeScpTarget(level);
        const policies: ServiceControlPolicyLevel["policies"] = [];
        for (const entry of level.policies) {
          const parsed = parsePolicyDocument(entry.document);
          if (!parsed.ok) {
            return {
              note: `Service control policies were not considered: policy ${entry.policyName} on ${target} could not be read (${parsed.error.message}).`,
            };
          }
          policies.push({ policyName: entry.policyName, policyId: entry.policyId, policy: parsed.policy });
        }
        levels.push({ target, policies });
      }
      const path = facts.levels.map(describeScpTarget).join(" › ");
      return { levels, note: `Service control policies were considered, from ${path}.` };
    }
  }
}
