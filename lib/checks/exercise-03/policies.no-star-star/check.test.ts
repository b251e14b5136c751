import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/policy/admin";
import { attached, authorizationDetails, awsPolicyArn, customerPolicyArn, groupArn, iamGroup, iamRole, iamUser, managedPolicy, inline, roleArn, userArn } from "@/lib/policy/testing/iam-factory";
import { allow, allowNotAction, policy, singleStatementPolicy } from "@/lib/policy/testing/policy-factory";
import { renderCliCommand } from "@/lib/remediation/shell";
import type { AuthorizationDetails } from "@/lib/snapshot/schema";
import { renderedText, remediationTarget } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { ok, snapshot } from "../../testing/snapshot-factory";
import { policiesNoStarStar } from "./check";

const adminAccess = managedPolicy(ADMINISTRATOR_ACCESS_ARN, policy(allow("*")));
const withDetails = (details: AuthorizationDetails) => snapshot({ "iam.authorizationDetails": ok(details) });

describe("policies.no-star-star", () => {
  const customer = (name: string, document: unknown, attachmentCount = 1) => managedPolicy(customerPolicyArn(name), document, { attachmentCount });

  it.each([
    ["Allow *:*", customer("star-star", policy(allow("*:*"))), "fail"],
    ["Allow * as a single statement", customer("star", singleStatementPolicy(allow("*"))), "fail"],
    ["Allow NotAction on * (judged by policies.allow-not-action)", customer("not-action", policy(allowNotAction("iam:*"))), "pass"],
    ["Allow s3:*", customer("s3", policy(allow("s3:*"))), "pass"],
    ["a malformed document", customer("broken", { $malformed: true, raw: "%7B", error: "Unexpected end of JSON input" }), "unknown"],
  ])("an attached customer policy with %s → %s", (_, managed, status) => {
    expect(only(run(policiesNoStarStar, withDetails(authorizationDetails({ policies: [managed] })))).status).toBe(status);
  });

  it("ignores AWS managed and unattached policies, and judges inline policies by owner", () => {
    const details = authorizationDetails({
      policies: [adminAccess, managedPolicy(customerPolicyArn("unused"), policy(allow("*")), { attachmentCount: 0 }), managedPolicy(awsPolicyArn("ReadOnlyAccess"), policy(allow("s3:Get*")))],
      roles: [iamRole("app", { inlinePolicies: [inline("everything", policy(allow("*")))] })],
    });
    const finding = only(run(policiesNoStarStar, withDetails(details)));
    expect(finding).toMatchObject({ status: "fail", resourceId: `${roleArn("app")}#inline-policy/everything`, resourceName: "app/everything", resourceType: "policy" });
    expect(finding.evidence).toMatchObject({ statements: [{ index: 0, statement: allow("*") }] });
  });
});


describe("policies.no-star-star evidence", () => {
  const starStar = managedPolicy(customerPolicyArn("everything"), policy(allow("s3:GetObject", "arn:aws:s3:::a/*"), { Sid: "All", ...allow("*") }), { attachmentCount: 2 });
  const details = authorizationDetails({
    policies: [starStar],
    users: [iamUser("alice", { attachedManagedPolicies: [attached(starStar.arn)] })],
    groups: [iamGroup("ops", { attachedManagedPolicies: [attached(starStar.arn)] })],
  });

  it("stores the failing statement with the policy's name and what it is attached to", () => {
    expect(only(run(policiesNoStarStar, withDetails(details))).evidence).toEqual({
      policy: starStar.arn,
      policyName: "everything",
      attachedTo: [userArn("alice"), groupArn("ops")],
      statements: [{ index: 1, sid: "All", statement: { Sid: "All", ...allow("*") }, conditional: false }],
    });
  });

  it("shows the statement, its policy and attachments, with the wildcards marked and why in words", () => {
    const finding = only(run(policiesNoStarStar, withDetails(details)));
    expect(finding.reason).toBe("everything allows every action on every resource (statement 2).");
    const blocks = policiesNoStarStar.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks[0]).toEqual({
      kind: "facts",
      title: "Policy",
      rows: [
        { label: "Name", value: "everything", verbatim: true },
        { label: "Kind", value: "customer managed policy" },
        { label: "ARN", value: starStar.arn, verbatim: true },
        { label: "Attached to", value: `${userArn("alice")}, ${groupArn("ops")}`, verbatim: true },
      ],
    });
    expect(blocks[1]).toMatchObject({ kind: "statement", title: "Statement 2: grants every action on every resource", policyName: "everything", attachedTo: [userArn("alice"), groupArn("ops")] });
    const marked = blocks[1]?.kind === "statement" ? blocks[1].lines.flat().filter((part) => part.mark).map((part) => part.text) : [];
    expect(marked).toEqual(['"*"', '"*"']);
    expect(renderedText(blocks)).not.toMatch(/statementIndex|full_wildcard/);
  });

  it("says why an unreadable document is not judged", () => {
    const broken = managedPolicy(customerPolicyArn("broken"), { $malformed: true, raw: "%7B", error: "Unexpected end of JSON input" });
    const finding = only(run(policiesNoStarStar, withDetails(authorizationDetails({ policies: [broken] }))));
    const blocks = policiesNoStarStar.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks[1]).toMatchObject({ kind: "facts", title: "Why it is not judged", rows: [{ label: "The policy document could not be read", mark: true }] });
  });

  it("names the policy, its failing statements and what it is attached to in its remediation, from the typed evidence", () => {
    const role = iamRole("app", { inlinePolicies: [inline("everything", policy(allow("*")))] });
    const finding = only(run(policiesNoStarStar, withDetails(authorizationDetails({ roles: [role] }))));
    const steps = policiesNoStarStar.remediation?.(remediationTarget(finding));
    expect(steps?.summary).toBe("Replace the Allow of every action on every resource in everything (statement 1) with the actions and resources its users need.");
    expect(steps?.care).toContain(`Everything it is attached to is affected: ${roleArn("app")}.`);
    expect(steps?.commands.map(renderCliCommand)).toContain("aws iam put-role-policy --role-name app --policy-name everything --policy-document file://policy.json");
  });
});
