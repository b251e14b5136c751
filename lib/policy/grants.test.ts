import { describe, expect, it } from "vitest";
import { allowWithNotActionOrNotResource, serviceWildcardGrants } from "./grants";
import { allow, allowNotAction, allowNotResource, deny, MFA_PRESENT, policy, singleStatementPolicy } from "./testing/policy-factory";

describe("serviceWildcardGrants", () => {
  it.each([
    ["s3:* on a bucket", policy(allow("s3:*", "arn:aws:s3:::data/*")), [["service_wildcard", "s3:*"]]],
    ["iam:* on *", singleStatementPolicy(allow("iam:*")), [["service_wildcard", "iam:*"]]],
    ["iam:PassRole on *", policy(allow("iam:PassRole")), [["sensitive_action_on_all_resources", "iam:PassRole"]]],
    ["secretsmanager:Get* on *", policy(allow("secretsmanager:Get*")), [["sensitive_action_on_all_resources", "secretsmanager:GetSecretValue"]]],
    ["iam:PassRole on one role", policy(allow("iam:PassRole", "arn:aws:iam::111122223333:role/app")), []],
    ["s3:GetObject on one bucket", policy(allow("s3:GetObject", "arn:aws:s3:::data/*")), []],
    ["* on * (the admin question, not this one)", policy(allow("*")), []],
    ["Deny s3:*", policy(deny("s3:*")), []],
    ["NotAction (judged by allowWithNotActionOrNotResource)", policy(allowNotAction("iam:*")), []],
  ])("%s", (_, document, expected) => {
    const result = serviceWildcardGrants(document);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.grants.map((grant) => [grant.kind, grant.kind === "service_wildcard" ? grant.pattern : grant.action])).toEqual(expected);
  });

  it("reports a sensitive action once, under its service wildcard, not twice", () => {
    const result = serviceWildcardGrants(policy(allow(["iam:*", "ec2:DescribeInstances"])));
    expect(result.ok && result.grants.map((grant) => grant.kind)).toEqual(["service_wildcard"]);
  });

  it("returns the parse error for a malformed document", () => {
    expect(serviceWildcardGrants({ $malformed: true, raw: "", error: "x" }).ok).toBe(false);
  });
});

describe("allowWithNotActionOrNotResource", () => {
  it.each([
    ["Allow NotAction on *", policy(allowNotAction("iam:*")), [{ uses: ["NotAction"], conditional: false, broad: true }]],
    ["Allow NotResource with *", policy(allowNotResource("*", "arn:aws:s3:::secret")), [{ uses: ["NotResource"], conditional: false, broad: true }]],
    [
      "Allow NotAction with an MFA condition",
      policy(allowNotAction("iam:*", "*", { Condition: MFA_PRESENT })),
      [{ uses: ["NotAction"], conditional: true, conditionKeys: ["aws:MultiFactorAuthPresent"] }],
    ],
    ["Allow NotAction on one bucket", policy(allowNotAction("s3:DeleteObject", "arn:aws:s3:::b/*")), [{ broad: false }]],
    ["Deny NotAction (a guardrail, not a grant)", policy({ Effect: "Deny", NotAction: "iam:*", Resource: "*" }), []],
    ["plain Allow", policy(allow("s3:GetObject")), []],
  ])("%s", (_, document, expected) => {
    const result = allowWithNotActionOrNotResource(document);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.allows).toEqual(expected.map((item) => expect.objectContaining(item)));
  });
});
