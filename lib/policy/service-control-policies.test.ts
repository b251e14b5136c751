import { describe, expect, it } from "vitest";
import type { ServiceControlPolicies } from "@/lib/snapshot/schema";
import { evaluateAccess } from "./evaluator";
import { serviceControlPolicyContext } from "./service-control-policies";
import { allow, deny, policy } from "./testing/policy-factory";

const fullAccess = { policyId: "p-FullAWSAccess", policyName: "FullAWSAccess", awsManaged: true, document: policy(allow("*")) };

describe("serviceControlPolicyContext", () => {
  it("turns the stored levels into the evaluator's, named as a person reads them, root first", () => {
    const facts: ServiceControlPolicies = {
      answer: "read",
      organizationId: "o-example",
      levels: [
        { targetId: "r-ab12", targetType: "ROOT", targetName: "Root", policies: [fullAccess] },
        { targetId: "ou-ab12-prod0001", targetType: "ORGANIZATIONAL_UNIT", targetName: "Prod", policies: [fullAccess, { ...fullAccess, policyId: "p-nokeys01", policyName: "NoKeys", awsManaged: false, document: policy(deny("iam:CreateAccessKey")) }] },
        { targetId: "111122223333", targetType: "ACCOUNT", targetName: "111122223333", policies: [fullAccess] },
      ],
    };
    const context = serviceControlPolicyContext(facts);
    expect(context.levels?.map((level) => [level.target, level.policies.map((entry) => entry.policyName)])).toEqual([
      ["the organization root", ["FullAWSAccess"]],
      ["OU Prod", ["FullAWSAccess", "NoKeys"]],
      ["account 111122223333", ["FullAWSAccess"]],
    ]);
    const evaluation = evaluateAccess({ identity: [], unreadable: [], serviceControlPolicies: context.levels ?? [] }, { action: "iam:CreateAccessKey", resource: "*" });
    expect(evaluation).toMatchObject({ decision: "denied", denies: [{ policy: { layer: "scp", policyName: "NoKeys", target: "OU Prod", policyId: "p-nokeys01" } }] });
  });

  it.each([
    [{ answer: "management_account", organizationId: "o-example" } as const, "Service control policies were considered: they never restrict the management account."],
    [{ answer: "not_enabled", organizationId: "o-example" } as const, "Service control policies were considered: they are not enabled in organization o-example."],
  ])("considers no level when SCPs restrict nothing: %o", (facts, note) => {
    expect(serviceControlPolicyContext(facts)).toEqual({ levels: [], note });
  });

  it("leaves SCPs out, saying why, when they were not read or not collected", () => {
    expect(serviceControlPolicyContext({ answer: "not_readable", code: "AccessDenied", reason: "iamfit may not read them." })).toEqual({
      note: "Service control policies were not considered: iamfit may not read them.",
    });
    expect(serviceControlPolicyContext(undefined, "organizations:ListParents failed: Throttling")).toEqual({
      note: "Service control policies were not considered: they could not be collected (organizations:ListParents failed: Throttling).",
    });
  });
});
