import { describe, expect, it } from "vitest";
import { deniesWithoutMfa } from "./mfa";
import { allow, allowNotAction, deny, MFA_ABSENT_IF_EXISTS, MFA_PRESENT, policy } from "./testing/policy-factory";

const selfService = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "sts:GetSessionToken"];

describe("deniesWithoutMfa", () => {
  it.each([
    [
      "AWS's Deny NotAction … BoolIfExists false",
      policy(allow(selfService), { Effect: "Deny", NotAction: selfService, Resource: "*", Condition: MFA_ABSENT_IF_EXISTS }),
      { enforces: true, form: "bool_if_exists_false", coversLongTermKeys: true },
    ],
    ["Deny * with Bool false (console only)", policy(deny("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } })), { enforces: true, form: "bool_false", coversLongTermKeys: false }],
    ["Deny * when the MFA key is missing (Null true)", policy(deny("*", "*", { Condition: { Null: { "aws:MultiFactorAuthAge": "true" } } })), { enforces: true, form: "null_true" }],
    ["seed 003: Allow * only with MFA", policy(allow("*", "*", { Condition: MFA_PRESENT })), { enforces: true }],
    ["Allow with MFA next to an Allow without", policy(allow("*", "*", { Condition: MFA_PRESENT }), allow("s3:GetObject")), { enforces: false }],
    ["a Deny of one action without MFA", policy(deny("ec2:TerminateInstances", "*", { Condition: MFA_ABSENT_IF_EXISTS })), { enforces: false }],
    ["a Deny requiring MFA true (inverted)", policy(deny("*", "*", { Condition: MFA_PRESENT })), { enforces: false }],
    ["no MFA condition at all", policy(allowNotAction("iam:*")), { enforces: false }],
  ])("%s", (_, document, expected) => {
    const result = deniesWithoutMfa(document);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.enforces).toBe(expected.enforces);
    if ("form" in expected) expect(result.denyStatements[0]).toMatchObject({ form: expected.form });
    if ("coversLongTermKeys" in expected) expect(result.denyStatements[0]?.coversLongTermKeys).toBe(expected.coversLongTermKeys);
  });

  it("returns the denying statement with its index for evidence", () => {
    const denyStatement = deny("*", "*", { Sid: "DenyWithoutMFA", Condition: MFA_ABSENT_IF_EXISTS });
    const result = deniesWithoutMfa(policy(allow("iam:GetUser"), denyStatement));
    expect(result.ok && result.denyStatements[0]?.statement).toEqual({ index: 1, sid: "DenyWithoutMFA", statement: denyStatement });
  });

  it("returns a typed error for a malformed document", () => {
    expect(deniesWithoutMfa({ Statement: [42] }).ok).toBe(false);
  });
});
