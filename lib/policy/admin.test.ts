import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN, isAdminPolicy } from "./admin";
import { allow, allowNotAction, allowNotResource, deny, MFA_PRESENT, policy, singleStatementPolicy } from "./testing/policy-factory";

describe("isAdminPolicy", () => {
  it.each([
    ["Allow * on *", policy(allow("*")), true],
    ["Allow *:* on *", policy(allow("*:*")), true],
    ["Allow * on * as a single-object Statement", singleStatementPolicy(allow("*")), true],
    ["Allow [*] on [*] as arrays", policy(allow(["*"], ["*"])), true],
    ["Allow NotAction on *", policy(allowNotAction(["iam:*", "organizations:*"])), true],
    ["Allow * with an MFA condition (seed 003)", policy(allow("*", "*", { Condition: MFA_PRESENT })), true],
    ["Allow iam:* on *", policy(allow("iam:*")), false],
    ["Allow * on one bucket", policy(allow("*", "arn:aws:s3:::data/*")), false],
    ["Allow * with NotResource", policy(allowNotResource("*", "arn:aws:s3:::secret/*")), false],
    ["Allow NotAction on one bucket", policy(allowNotAction("s3:DeleteObject", "arn:aws:s3:::data/*")), false],
    ["Deny * on *", policy(deny("*")), false],
    ["Allow * cancelled by an unconditional Deny * on *", policy(allow("*"), deny("*")), false],
    ["Allow * with a Deny * on * that has a condition", policy(allow("*"), deny("*", "*", { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } })), true],
    ["Allow * with a Deny of iam:* only", policy(allow("*"), deny("iam:*")), true],
  ])("%s → admin: %s", (_, document, expected) => {
    const verdict = isAdminPolicy(document);
    expect(verdict.ok && verdict.isAdmin).toBe(expected);
  });

  it("recognises AWS managed AdministratorAccess by ARN even without its document", () => {
    expect(isAdminPolicy(undefined, ADMINISTRATOR_ACCESS_ARN)).toEqual({ ok: true, isAdmin: true, byArn: true, grants: [] });
  });

  it("returns the granting statement, its kind and whether it is conditional", () => {
    const verdict = isAdminPolicy(policy(allow("s3:GetObject"), allowNotAction("iam:*", "*", { Sid: "AlmostAll", Condition: MFA_PRESENT })));
    expect(verdict.ok && verdict.grants).toEqual([
      {
        kind: "not_action",
        conditional: true,
        statement: { index: 1, sid: "AlmostAll", statement: allowNotAction("iam:*", "*", { Sid: "AlmostAll", Condition: MFA_PRESENT }) },
      },
    ]);
  });

  it("names the Deny that cancels the grant", () => {
    const verdict = isAdminPolicy(policy(allow("*"), deny("*")));
    expect(verdict.ok && verdict.cancelledBy?.index).toBe(1);
  });

  it("returns the parse error for a malformed document rather than 'not admin'", () => {
    const verdict = isAdminPolicy({ $malformed: true, raw: "%7B%22", error: "bad" });
    expect(verdict).toEqual({ ok: false, error: { kind: "malformed_json", message: "bad" } });
  });
});
