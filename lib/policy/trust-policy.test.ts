import { describe, expect, it } from "vitest";
import { trustPolicyAnalysis } from "./trust-policy";
import { allowPrincipal, MFA_PRESENT, policy } from "./testing/policy-factory";

const OWN = "111122223333";
const OTHER = "444455556666";
const externalId = { StringEquals: { "sts:ExternalId": "abc-123" } };

describe("trustPolicyAnalysis", () => {
  it.each([
    ["an EC2 service principal", allowPrincipal({ Service: "ec2.amazonaws.com" }, "sts:AssumeRole"), { kind: "service", human: false }],
    ["the own account root", allowPrincipal({ AWS: `arn:aws:iam::${OWN}:root` }, "sts:AssumeRole"), { kind: "own_account", principalType: "account", human: true }],
    ["a bare own account id", allowPrincipal({ AWS: OWN }, "sts:AssumeRole"), { kind: "own_account", principalType: "account", accountId: OWN }],
    ["another account's root", allowPrincipal({ AWS: `arn:aws:iam::${OTHER}:root` }, "sts:AssumeRole"), { kind: "other_account", accountId: OTHER, human: true }],
    ["another account's role", allowPrincipal({ AWS: `arn:aws:iam::${OTHER}:role/ci` }, "sts:AssumeRole"), { kind: "other_account", principalType: "role", human: false }],
    ["an SSO permission-set role", allowPrincipal({ AWS: `arn:aws:iam::${OWN}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1` }, "sts:AssumeRole"), { human: true }],
    ["everyone", allowPrincipal("*", "sts:AssumeRole"), { kind: "everyone", human: true }],
    ["a SAML provider", allowPrincipal({ Federated: `arn:aws:iam::${OWN}:saml-provider/okta` }, "sts:AssumeRoleWithSAML"), { kind: "federated", federation: "saml", human: true }],
    ["an OIDC provider", allowPrincipal({ Federated: `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com` }, "sts:AssumeRoleWithWebIdentity"), { federation: "oidc", human: false }],
    ["a deleted principal's unique id", allowPrincipal({ AWS: "AIDAEXAMPLEUNIQUEID" }, "sts:AssumeRole"), { kind: "unresolved", human: false }],
  ])("classifies %s", (_, statement, expected) => {
    const analysis = trustPolicyAnalysis(policy(statement), OWN);
    expect(analysis.ok && analysis.principals[0]).toMatchObject(expected);
  });

  it.each([
    ["no condition", undefined, { requiresExternalId: false, requiresMfa: false }],
    ["an ExternalId", externalId, { requiresExternalId: true, requiresMfa: false }],
    ["MFA present", MFA_PRESENT, { requiresExternalId: false, requiresMfa: true }],
    ["a recent MFA age", { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } }, { requiresMfa: true }],
    ["BoolIfExists MFA (absent key passes)", { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } }, { requiresMfa: false }],
    ["a wildcard ExternalId", { StringLike: { "sts:ExternalId": "*" } }, { requiresExternalId: false }],
  ])("reads cross-account trust with %s", (_, condition, expected) => {
    const statement = allowPrincipal({ AWS: OTHER }, "sts:AssumeRole", condition ? { Condition: condition } : {});
    const analysis = trustPolicyAnalysis(policy(statement), OWN);
    expect(analysis.ok && analysis.crossAccount[0]).toMatchObject(expected);
  });

  it("lists only principals outside the account (and *) as cross-account", () => {
    const analysis = trustPolicyAnalysis(
      policy(
        allowPrincipal({ AWS: [`arn:aws:iam::${OWN}:root`, `arn:aws:iam::${OTHER}:root`], Service: "lambda.amazonaws.com" }, "sts:AssumeRole"),
      ),
      OWN,
    );
    expect(analysis.ok && analysis.crossAccount.map((p) => p.accountId)).toEqual([OTHER]);
  });

  it("trusts everyone only when * is not narrowed by an org or account condition", () => {
    const open = trustPolicyAnalysis(policy(allowPrincipal("*", "sts:AssumeRole")), OWN);
    const narrowed = trustPolicyAnalysis(
      policy(allowPrincipal("*", "sts:AssumeRole", { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } })),
      OWN,
    );
    expect(open.ok && open.trustsEveryone).toBe(true);
    expect(narrowed.ok && narrowed.trustsEveryone).toBe(false);
  });

  it("is not human-assumable when only services are trusted", () => {
    const analysis = trustPolicyAnalysis(policy(allowPrincipal({ Service: ["ec2.amazonaws.com", "lambda.amazonaws.com"] }, "sts:AssumeRole")), OWN);
    expect(analysis.ok && analysis.humanAssumable).toBe(false);
  });

  it("ignores statements that do not allow assuming the role", () => {
    const analysis = trustPolicyAnalysis(policy(allowPrincipal({ AWS: OTHER }, "sts:TagSession")), OWN);
    expect(analysis.ok && analysis.principals).toEqual([]);
  });

  it("returns a typed error for a malformed trust policy", () => {
    expect(trustPolicyAnalysis({ $malformed: true, raw: "", error: "bad" }, OWN)).toEqual({ ok: false, error: { kind: "malformed_json", message: "bad" } });
  });
});
