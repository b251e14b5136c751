import { describe, expect, it } from "vitest";
import { authorizationDetails, customerPolicyArn, iamUser, inline, managedPolicy } from "@/lib/policy/testing/iam-factory";
import { allow, allowNotAction, allowNotResource, MFA_PRESENT, policy } from "@/lib/policy/testing/policy-factory";
import { policiesAllowNotAction, sgAdminPortsOpen, sgDefaultClosed } from "./exercise-09-allow";
import { only, run, statuses } from "./testing/run-check";
import { failed, ok, permission, regional, securityGroup, skipped, snapshot } from "./testing/snapshot-factory";

const REGION = "eu-west-1";
const groupsSnapshot = (groups: ReturnType<typeof securityGroup>[]) => snapshot({ [regional("ec2.securityGroups", REGION)]: ok(groups) }, [REGION]);

describe("sg.admin-ports-open", () => {
  it.each([
    ["SSH from 0.0.0.0/0", [permission("tcp", 22, 22, ["0.0.0.0/0"])], "fail"],
    ["RDP from ::/0", [permission("tcp", 3389, 3389, ["::/0"])], "fail"],
    ["a TCP range covering 22 from the world", [permission("tcp", 0, 1024, ["0.0.0.0/0"])], "fail"],
    ["all traffic (-1) from the world", [permission("-1", undefined, undefined, ["0.0.0.0/0"])], "fail"],
    ["all UDP ports from the world", [permission("udp", 0, 65535, ["0.0.0.0/0"])], "fail"],
    ["SSH from an office range", [permission("tcp", 22, 22, ["203.0.113.0/24"])], "pass"],
    ["HTTPS from the world", [permission("tcp", 443, 443, ["0.0.0.0/0"])], "pass"],
    ["UDP 22 from the world", [permission("udp", 22, 22, ["0.0.0.0/0"])], "pass"],
  ])("%s → %s", (_, ingress, status) => {
    const finding = only(run(sgAdminPortsOpen, groupsSnapshot([securityGroup("sg-1", { ingress })])));
    expect(finding).toMatchObject({ status, resourceId: `arn:aws:ec2:${REGION}:111122223333:security-group/sg-1`, resourceType: "security_group" });
  });

  it("puts the open rule in the evidence", () => {
    const finding = only(run(sgAdminPortsOpen, groupsSnapshot([securityGroup("sg-1", { ingress: [permission("tcp", 22, 22, ["0.0.0.0/0", "10.0.0.0/8"])] })])));
    expect(finding.evidence).toEqual({ groupId: "sg-1", openRules: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, sources: ["0.0.0.0/0"] }] });
  });

  it("is unknown for a region whose groups could not be listed and silent for a disabled region", () => {
    const findings = run(
      sgAdminPortsOpen,
      snapshot({ [regional("ec2.securityGroups", REGION)]: failed("ec2:DescribeSecurityGroups", "UnauthorizedOperation"), [regional("ec2.securityGroups", "me-south-1")]: skipped() }, [REGION]),
    );
    expect(statuses(findings)).toEqual([[REGION, "unknown"]]);
  });
});

describe("sg.default-closed", () => {
  it("judges only default groups", () => {
    const findings = run(
      sgDefaultClosed,
      groupsSnapshot([
        securityGroup("sg-open-default", { groupName: "default", ingress: [permission("-1", undefined, undefined, [])], egress: [permission("-1", undefined, undefined, ["0.0.0.0/0"])] }),
        securityGroup("sg-closed-default", { groupName: "default" }),
        securityGroup("sg-app", { groupName: "app", ingress: [permission("tcp", 443, 443, ["0.0.0.0/0"])] }),
      ]),
    );
    expect(findings.map((finding) => [finding.resourceName, finding.status])).toEqual([
      ["default (sg-closed-default)", "pass"],
      ["default (sg-open-default)", "fail"],
    ]);
  });
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
    expect(only(run(policiesAllowNotAction, snapshot({ "iam.authorizationDetails": ok(details) }))).status).toBe(status);
  });

  it("judges attached customer managed policies too", () => {
    const details = authorizationDetails({ policies: [managedPolicy(customerPolicyArn("power"), policy(allowNotAction(["iam:*", "organizations:*"])))] });
    expect(only(run(policiesAllowNotAction, snapshot({ "iam.authorizationDetails": ok(details) })))).toMatchObject({
      status: "fail",
      resourceId: customerPolicyArn("power"),
    });
  });
});
