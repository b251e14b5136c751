import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/checks/types";
import { parsePolicyDocument } from "./document";
import type { PrincipalPolicySet } from "./evaluator";
import { mfaEnforcement } from "./mfa";
import { allow, allowNotAction, deny, MFA_ABSENT_IF_EXISTS, MFA_PRESENT, policy } from "./testing/policy-factory";

const selfService = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "sts:GetSessionToken"];

function principal(...documents: JsonValue[]): PrincipalPolicySet {
  return {
    identity: documents.map((document, index) => {
      const parsed = parsePolicyDocument(document);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return { source: { via: "direct" as const, attachment: "inline" as const, policyName: `policy-${index}` }, policy: parsed.policy };
    }),
    unreadable: [],
  };
}

const everything = policy(allow("*"));

describe("mfaEnforcement", () => {
  it.each([
    ["AWS's Deny NotAction … BoolIfExists false", [everything, policy({ Effect: "Deny", NotAction: selfService, Resource: "*", Condition: MFA_ABSENT_IF_EXISTS })], true],
    ["Deny * when the MFA age is missing (Null true)", [everything, policy(deny("*", "*", { Condition: { Null: { "aws:MultiFactorAuthAge": "true" } } }))], true],
    ["seed 003: Allow * only with MFA", [policy(allow("*", "*", { Condition: MFA_PRESENT }))], true],
    ["Deny * with Bool false: console only, access keys still work", [everything, policy(deny("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }))], false],
    ["Allow with MFA next to an Allow without", [policy(allow("*", "*", { Condition: MFA_PRESENT }), allow("s3:GetObject"))], false],
    ["a Deny of one action without MFA", [everything, policy(deny("ec2:TerminateInstances", "*", { Condition: MFA_ABSENT_IF_EXISTS }))], false],
    ["a Deny requiring MFA true (inverted)", [everything, policy(deny("*", "*", { Condition: MFA_PRESENT }))], false],
    ["no MFA condition at all", [policy(allowNotAction("iam:*"))], false],
    ["no permissions at all", [], false],
    ["a Deny without MFA and no Allow of its own (permissions come from elsewhere)", [policy({ Effect: "Deny", NotAction: selfService, Resource: "*", Condition: MFA_ABSENT_IF_EXISTS })], true],
  ])("%s → enforced %s", (_, documents, enforced) => {
    expect(mfaEnforcement(principal(...(documents as JsonValue[]))).enforced).toBe(enforced);
  });

  it("names the Deny that stops access-key requests, with its policy and index", () => {
    const result = mfaEnforcement(principal(everything, policy(allow("iam:GetUser"), deny("*", "*", { Sid: "DenyWithoutMFA", Condition: MFA_ABSENT_IF_EXISTS }))));
    expect(result.deniedBy).toMatchObject([{ policy: { layer: "identity", policyName: "policy-1" }, statement: { index: 1, sid: "DenyWithoutMFA" } }]);
  });

  it("tells a console-only Deny apart: denied in a console session without MFA, usable with a key", () => {
    const result = mfaEnforcement(principal(everything, policy(deny("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }))));
    expect(result.deniedOnlyInConsole).toEqual(result.usableWithAccessKey);
    expect(result.consoleDeniedBy).toMatchObject([{ policy: { policyName: "policy-1" }, statement: { index: 0 } }]);
  });
});
