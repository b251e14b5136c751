import { describe, expect, it } from "vitest";
import { attached, authorizationDetails, customerPolicyArn, iamGroup, iamUser, inline, managedPolicy } from "@/lib/policy/testing/iam-factory";
import { allow, deny, MFA_ABSENT_IF_EXISTS, MFA_PRESENT, policy } from "@/lib/policy/testing/policy-factory";
import { linesText, markedTexts } from "@/lib/scorecard/json-lines";
import { only, run, statuses } from "../../testing/run-check";
import { credentialReport, failed, humanRow, ok, snapshot } from "../../testing/snapshot-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { usersMfaEnforced } from "./check";

describe("users.mfa-enforced", () => {
  const enforcing = managedPolicy(customerPolicyArn("force-mfa"), policy(allow("iam:ListMFADevices"), { Effect: "Deny", NotAction: ["iam:*MFA*"], Resource: "*", Condition: MFA_ABSENT_IF_EXISTS }));
  const parts = (users: ReturnType<typeof iamUser>[], rows = users.map((user) => humanRow(user.userName))) => ({
    "iam.credentialReport": ok(credentialReport(rows)),
    "iam.authorizationDetails": ok(
      authorizationDetails({
        users,
        groups: [iamGroup("humans", { attachedManagedPolicies: [attached(enforcing.arn)] })],
        policies: [enforcing],
      }),
    ),
  });
  const consoleOnlyDeny = { Sid: "NoConsoleWithoutMfa", ...deny("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }) };

  it.each([
    ["in a group with the Deny-without-MFA policy", iamUser("alice", { groups: ["humans"] }), "pass"],
    ["with an inline Deny * BoolIfExists false", iamUser("bob", { inlinePolicies: [inline("mfa", policy(deny("*", "*", { Condition: MFA_ABSENT_IF_EXISTS })))] }), "pass"],
    ["whose only Allow requires MFA (seed 003)", iamUser("carol", { inlinePolicies: [inline("all-with-mfa", policy(allow("*", "*", { Condition: MFA_PRESENT })))] }), "pass"],
    ["with only a console Deny (Bool false leaves access keys usable)", iamUser("frank", { inlinePolicies: [inline("mfa", policy(deny("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } })))] }), "fail"],
    ["with plain Allows only", iamUser("dave", { inlinePolicies: [inline("s3", policy(allow("s3:*")))] }), "fail"],
    ["with a malformed policy and nothing enforcing", iamUser("erin", { inlinePolicies: [inline("broken", { $malformed: true, raw: "%", error: "URI malformed" })] }), "unknown"],
  ])("a console user %s → %s", (_, user, status) => {
    expect(only(run(usersMfaEnforced, snapshot(parts([user])))).status).toBe(status);
  });

  it("says why a console-only Deny does not count", () => {
    const user = iamUser("frank", { inlinePolicies: [inline("mfa", policy(deny("*", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } })))] });
    const finding = only(run(usersMfaEnforced, snapshot(parts([user]))));
    expect(finding.reason).toContain("only for console sessions");
    expect(finding.evidence).toMatchObject({ deniedWithoutMfaBy: [], deniedOnlyInConsoleBy: [{ policy: "inline policy mfa", index: 0 }] });
  });

  it("is unknown for a console user missing from the authorization details", () => {
    const findings = run(usersMfaEnforced, snapshot(parts([], [humanRow("ghost")])));
    expect(statuses(findings)).toEqual([["ghost", "unknown"]]);
  });

  it("shows the denying statement in the evidence", () => {
    const finding = only(run(usersMfaEnforced, snapshot(parts([iamUser("alice", { groups: ["humans"] })]))));
    expect(finding.evidence).toMatchObject({ deniedWithoutMfaBy: [{ policy: "group humans › managed policy force-mfa", index: 1 }], serviceControlPolicies: "not considered" });
  });

  it("stores the statement itself, the policy's name and where it is attached, not only its number", () => {
    const finding = only(run(usersMfaEnforced, snapshot(parts([iamUser("alice", { groups: ["humans"] })]))));
    expect(finding.evidence).toMatchObject({
      deniedWithoutMfaBy: [
        {
          policy: "group humans › managed policy force-mfa",
          policyName: "force-mfa",
          attachedTo: "group humans",
          index: 1,
          sid: null,
          statement: { Effect: "Deny", NotAction: ["iam:*MFA*"], Resource: "*", Condition: MFA_ABSENT_IF_EXISTS },
        },
      ],
    });
  });

  it("is unknown for the account when the authorization details failed", () => {
    const finding = only(
      run(usersMfaEnforced, snapshot({ "iam.credentialReport": ok(credentialReport([humanRow("a")])), "iam.authorizationDetails": failed("iam:GetAccountAuthorizationDetails", "Throttling") })),
    );
    expect(finding).toMatchObject({ status: "unknown", resourceType: "account" });
    expect(finding.reason).toContain("iam:GetAccountAuthorizationDetails failed: Throttling");
  });

  it("shows a console-only Deny as its statement, with the Bool condition marked, and what an access key can still do", () => {
    const user = iamUser("frank", { inlinePolicies: [inline("console-mfa", policy(allow("s3:*"), consoleOnlyDeny))] });
    const finding = only(run(usersMfaEnforced, snapshot(parts([user]))));
    const blocks = usersMfaEnforced.describeEvidence?.(finding.evidence) ?? [];
    const facts = blocks[0];
    expect(facts?.kind === "facts" && facts.rows.find((row) => row.label === "Still allowed with an access key alone")).toMatchObject({ verbatim: true, mark: true });
    const statement = blocks.find((block) => block.kind === "statement");
    expect(statement).toMatchObject({
      kind: "statement",
      title: "Statement 2 (sid: NoConsoleWithoutMfa): denies console sessions without MFA only",
      policyName: "console-mfa",
      attachedTo: ["user frank"],
    });
    if (statement?.kind !== "statement") throw new Error("no statement block");
    expect(linesText(statement.lines)).toContain('"Effect": "Deny"');
    expect(markedTexts(statement.lines)).toEqual(['"Bool"', '"aws:MultiFactorAuthPresent"']);
    expect(blocks.at(-1)).toMatchObject({ kind: "note", title: "Why the console-only Deny does not count" });
    expect(renderedText(blocks)).not.toMatch(/deniedOnlyInConsoleBy|usableWithAccessKeyAlone|statementIndex|serviceControlPolicies/);
  });

  it("shows an enforcing Deny unmarked, and nothing marked when MFA is enforced", () => {
    const finding = only(run(usersMfaEnforced, snapshot(parts([iamUser("alice", { groups: ["humans"] })]))));
    const blocks = usersMfaEnforced.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks.map((block) => [block.kind, "title" in block ? block.title : ""])).toEqual([
      ["facts", "Requests without MFA"],
      ["statement", "Statement 2: denies requests without MFA"],
    ]);
    expect(blocks[1]).toMatchObject({ policyName: "force-mfa", attachedTo: ["group humans"] });
    if (blocks[1]?.kind !== "statement") throw new Error("no statement block");
    expect(markedTexts(blocks[1].lines)).toEqual([]);
    expect(blocks[0]?.kind === "facts" && blocks[0].rows.filter((row) => row.mark)).toEqual([]);
  });

  it("reads a console-only Deny from the typed evidence in its remediation, and says how to fix it in place", () => {
    const user = iamUser("frank", { inlinePolicies: [inline("console-mfa", policy(allow("s3:*"), consoleOnlyDeny))] });
    const finding = only(run(usersMfaEnforced, snapshot(parts([user]))));
    const steps = usersMfaEnforced.remediation?.(remediationTarget(finding));
    expect(steps?.summary).toBe(
      "console-mfa (on user frank) denies frank without MFA only in the console: change its condition to BoolIfExists, or put frank under a policy that denies every action without MFA.",
    );
    expect(steps?.console[0]).toContain("in its statement 2, change the condition operator Bool to BoolIfExists");
    const plain = only(run(usersMfaEnforced, snapshot(parts([iamUser("dave", { inlinePolicies: [inline("s3", policy(allow("s3:*")))] })]))));
    expect(usersMfaEnforced.remediation?.(remediationTarget(plain))?.summary).toBe("Put dave under a policy that denies every action without MFA, best through a group all people belong to.");
  });
});
