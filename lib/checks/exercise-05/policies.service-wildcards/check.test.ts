import { describe, expect, it } from "vitest";
import { attached, authorizationDetails, customerPolicyArn, iamRole, inline, managedPolicy, roleArn } from "@/lib/policy/testing/iam-factory";
import { allow, allowNotAction, policy } from "@/lib/policy/testing/policy-factory";
import { renderCliCommand } from "@/lib/remediation/shell";
import type { AuthorizationDetails } from "@/lib/snapshot/schema";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { ok, snapshot } from "../../testing/snapshot-factory";
import { policiesServiceWildcards } from "./check";

const withDetails = (details: AuthorizationDetails) => snapshot({ "iam.authorizationDetails": ok(details) });

describe("policies.service-wildcards", () => {
  it.each([
    ["s3:* on a bucket", policy(allow("s3:*", "arn:aws:s3:::data/*")), "fail"],
    ["iam:PassRole on *", policy(allow("iam:PassRole")), "fail"],
    ["named actions on named resources", policy(allow(["s3:GetObject", "s3:PutObject"], "arn:aws:s3:::data/*")), "pass"],
    ["a malformed document", { $malformed: true, raw: "x", error: "bad" }, "unknown"],
  ])("%s → %s", (_, document, status) => {
    const details = authorizationDetails({ policies: [managedPolicy(customerPolicyArn("p"), document)] });
    expect(only(run(policiesServiceWildcards, withDetails(details))).status).toBe(status);
  });
});

describe("policy grants on NotAction are left to exercise 9", () => {
  it("does not flag a NotAction statement as a service wildcard", () => {
    const details = authorizationDetails({ policies: [managedPolicy(customerPolicyArn("p"), policy(allowNotAction("iam:*")))] });
    expect(only(run(policiesServiceWildcards, withDetails(details))).status).toBe("pass");
  });
});

describe("policies.service-wildcards evidence", () => {
  const broad = managedPolicy(customerPolicyArn("app"), policy(allow(["s3:*", "iam:PassRole"]), allow("s3:GetObject", "arn:aws:s3:::a/*")));
  const details = authorizationDetails({ policies: [broad], roles: [iamRole("app", { attachedManagedPolicies: [attached(broad.arn)] })] });

  it("stores each broad grant with its statement, the policy's name and what it is attached to", () => {
    expect(only(run(policiesServiceWildcards, withDetails(details))).evidence).toEqual({
      policy: broad.arn,
      policyName: "app",
      attachedTo: [roleArn("app")],
      grants: [
        { kind: "service_wildcard", pattern: "s3:*", resources: ["*"], statement: { index: 0, sid: null, statement: allow(["s3:*", "iam:PassRole"]) } },
        { kind: "sensitive_action_on_all_resources", action: "iam:PassRole", pattern: "iam:PassRole", statement: { index: 0, sid: null, statement: allow(["s3:*", "iam:PassRole"]) } },
      ],
    });
  });

  it("shows the grants in words and the statement once, with the broad actions and the wildcard resource marked", () => {
    const blocks = policiesServiceWildcards.describeEvidence?.(only(run(policiesServiceWildcards, withDetails(details))).evidence) ?? [];
    expect(blocks[1]).toEqual({
      kind: "table",
      title: "Broad grants",
      columns: ["Action", "On", "Why it is broad"],
      rows: [
        [{ text: "s3:*", verbatim: true, mark: true }, { text: "*", verbatim: true }, "every action of s3"],
        [{ text: "iam:PassRole", verbatim: true, mark: true }, { text: "*", verbatim: true, mark: true }, "a sensitive action on every resource"],
      ],
    });
    expect(blocks.slice(2)).toHaveLength(1);
    expect(blocks[2]).toMatchObject({ kind: "statement", title: "Statement 1: allows every action of s3; allows iam:PassRole on every resource", policyName: "app", attachedTo: [roleArn("app")] });
    const marked = blocks[2]?.kind === "statement" ? blocks[2].lines.flat().filter((part) => part.mark).map((part) => part.text) : [];
    expect(marked).toEqual(['"s3:*"', '"iam:PassRole"', '"*"']);
    expect(renderedText(blocks)).not.toMatch(/service_wildcard|sensitive_action/);
  });

  it("names the broad grants and the policy from the typed evidence in its remediation", () => {
    const role = iamRole("ci", { inlinePolicies: [inline("deploy", policy(allow("lambda:*")))] });
    const finding = only(run(policiesServiceWildcards, withDetails(authorizationDetails({ roles: [role] }))));
    const steps = policiesServiceWildcards.remediation?.(remediationTarget(finding));
    expect(steps?.summary).toBe("Replace lambda:* in deploy with named actions on named resources.");
    expect(steps?.commands.map(renderCliCommand)).toContain("aws iam put-role-policy --role-name ci --policy-name deploy --policy-document file://policy.json");
  });
});
