import { describe, expect, it } from "vitest";
import { attached, authorizationDetails, customerPolicyArn, groupArn, iamGroup, iamRole, iamUser, inline, managedPolicy, roleArn, userArn } from "@/lib/policy/testing/iam-factory";
import { allow, allowNotAction, allowNotResource, MFA_PRESENT, policy } from "@/lib/policy/testing/policy-factory";
import { targetFor } from "@/lib/remediation/testing/targets";
import type { EvidenceBlock } from "../../evidence/blocks";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { ok, snapshot } from "../../testing/snapshot-factory";
import { policiesAllowNotAction } from "./check";
import { allowNotActionEvidenceSchema } from "./evidence";

const withDetails = (details: ReturnType<typeof authorizationDetails>) => snapshot({ "iam.authorizationDetails": ok(details) });
const everythingButIam = { ...allowNotAction(["iam:*", "organizations:*"]), Sid: "EverythingButIam" };
const powerUsers = () =>
  authorizationDetails({
    policies: [managedPolicy(customerPolicyArn("power"), policy(allow("s3:GetObject", "arn:aws:s3:::b/*"), everythingButIam), { attachmentCount: 2 })],
    groups: [iamGroup("analysts", { attachedManagedPolicies: [attached(customerPolicyArn("power"))] })],
    roles: [iamRole("notebook", { attachedManagedPolicies: [attached(customerPolicyArn("power"))] })],
  });

describe("policies.allow-not-action", () => {
  it.each([
    ["Allow NotAction on * without a condition", policy(allowNotAction("iam:*")), "fail"],
    ["Allow with NotResource without a condition", policy(allowNotResource("s3:*", "arn:aws:s3:::secret/*")), "fail"],
    ["Allow NotAction with an MFA condition", policy(allowNotAction("iam:*", "*", { Condition: MFA_PRESENT })), "pass"],
    ["plain Allows", policy(allow("s3:GetObject", "arn:aws:s3:::b/*")), "pass"],
    ["a malformed document", { $malformed: true, raw: "%E0%A4%A", error: "URI malformed" }, "unknown"],
  ])("%s → %s", (_, document, status) => {
    const details = authorizationDetails({ users: [iamUser("u", { inlinePolicies: [inline("p", document)] })] });
    expect(only(run(policiesAllowNotAction, withDetails(details))).status).toBe(status);
  });

  it("judges attached customer managed policies too", () => {
    const details = authorizationDetails({ policies: [managedPolicy(customerPolicyArn("power"), policy(allowNotAction(["iam:*", "organizations:*"])))] });
    expect(only(run(policiesAllowNotAction, withDetails(details)))).toMatchObject({
      status: "fail",
      resourceId: customerPolicyArn("power"),
    });
  });

  it("stores the statement itself, the policy's name and what it is attached to", () => {
    const finding = only(run(policiesAllowNotAction, withDetails(powerUsers())));
    expect(finding.evidence).toEqual({
      policy: customerPolicyArn("power"),
      policyName: "power",
      attachedTo: [groupArn("analysts"), roleArn("notebook")],
      negatedAllows: [{ uses: ["NotAction"], conditional: false, conditionKeys: [], broad: true, statement: { index: 1, sid: "EverythingButIam", statement: everythingButIam } }],
    });
    expect(finding.reason).toBe("power allows with NotAction and no condition (statement 2, sid EverythingButIam).");
  });

  it("stores an inline policy as attached to its owner", () => {
    const details = authorizationDetails({ users: [iamUser("u", { inlinePolicies: [inline("p", policy(allowNotAction("iam:*")))] })] });
    expect(only(run(policiesAllowNotAction, withDetails(details))).evidence).toMatchObject({ policyName: "p", attachedTo: [userArn("u")] });
  });

  it("shows the statement with NotAction marked, in its policy and where it is attached, and reads it in words", () => {
    const finding = only(run(policiesAllowNotAction, withDetails(powerUsers())));
    const blocks = policiesAllowNotAction.describeEvidence?.(finding.evidence) ?? [];
    const statement = blocks[0] as Extract<EvidenceBlock, { kind: "statement" }>;
    expect(statement).toMatchObject({ kind: "statement", title: "Statement 2 (sid: EverythingButIam)", policyName: "power", attachedTo: [groupArn("analysts"), roleArn("notebook")] });
    const marked = statement.lines.flatMap((line) => line.filter((part) => part.mark).map((part) => part.text));
    expect(marked.join(" ")).toContain("NotAction");
    expect(blocks[1]).toEqual({
      kind: "facts",
      title: "Statement 2 (sid: EverythingButIam): how it reads",
      rows: [
        { label: "Written with", value: "NotAction: allows every action except those listed", mark: true },
        { label: "Condition", value: "none: it applies to every request", mark: true },
        { label: "Reach", value: "Every action on every resource, less what is listed", mark: true },
      ],
    });
    expect(renderedText(blocks)).not.toMatch(/negatedAllows|conditionKeys|statementIndex|broad/);
  });

  it("shows a conditioned Allow's condition keys unmarked", () => {
    const details = authorizationDetails({ users: [iamUser("u", { inlinePolicies: [inline("p", policy(allowNotAction("iam:*", "*", { Condition: MFA_PRESENT })))] })] });
    const blocks = policiesAllowNotAction.describeEvidence?.(only(run(policiesAllowNotAction, withDetails(details))).evidence) ?? [];
    expect(blocks[1]).toMatchObject({ rows: expect.arrayContaining([{ label: "Condition", value: "aws:MultiFactorAuthPresent", verbatim: true }]) });
  });

  it("says why an unreadable document could not be judged", () => {
    const details = authorizationDetails({ users: [iamUser("u", { inlinePolicies: [inline("p", { $malformed: true, raw: "%E0%A4%A", error: "URI malformed" })] })] });
    const finding = only(run(policiesAllowNotAction, withDetails(details)));
    const blocks = policiesAllowNotAction.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks).toMatchObject([{ kind: "facts", title: "Policy", rows: expect.arrayContaining([{ label: "Document", value: "not valid JSON", mark: true }]) }]);
  });

  it("names the failing statements from the typed evidence in its remediation", () => {
    const finding = only(run(policiesAllowNotAction, withDetails(powerUsers())));
    const steps = policiesAllowNotAction.remediation?.(remediationTarget(finding));
    expect(steps?.summary).toBe(
      "Rewrite statement 2 (sid: EverythingButIam) of power, written with NotAction or NotResource, as an Allow of named actions and resources, or add the condition that was meant.",
    );
  });

  it("has a hand-written remediation target shaped like what it emits", () => {
    expect(allowNotActionEvidenceSchema.safeParse(targetFor("policies.allow-not-action").evidence).success).toBe(true);
  });
});
