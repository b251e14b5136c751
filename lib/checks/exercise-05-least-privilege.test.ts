import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/policy/admin";
import { attached, authorizationDetails, customerPolicyArn, iamGroup, iamRole, iamUser, inline, managedPolicy } from "@/lib/policy/testing/iam-factory";
import { allow, allowNotAction, policy } from "@/lib/policy/testing/policy-factory";
import type { AuthorizationDetails } from "@/lib/snapshot/schema";
import {
  accessAnalyzerEnabled,
  cloudtrailMultiRegion,
  policiesPrivilegeEscalation,
  policiesServiceWildcards,
  principalsUnused,
} from "./exercise-05-least-privilege";
import { only, run, statuses } from "./testing/run-check";
import {
  analyzer,
  credentialReport,
  credentialRow,
  daysAgo,
  failed,
  humanRow,
  keyRow,
  ok,
  regional,
  skipped,
  snapshot,
  trail,
} from "./testing/snapshot-factory";

const adminAccess = managedPolicy(ADMINISTRATOR_ACCESS_ARN, policy(allow("*")));
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

describe("policies.privilege-escalation", () => {
  it("fails non-admin principals with an escalation path, across users (direct and via group) and roles", () => {
    const details = authorizationDetails({
      users: [
        iamUser("attacher", { inlinePolicies: [inline("iam", policy(allow("iam:AttachUserPolicy")))] }),
        iamUser("grouped", { groups: ["deployers"] }),
        iamUser("reader", { inlinePolicies: [inline("read", policy(allow(["s3:Get*", "iam:List*"])))] }),
        iamUser("admin", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] }),
      ],
      groups: [iamGroup("deployers", { inlinePolicies: [inline("deploy", policy(allow("iam:PassRole"), allow("ec2:RunInstances")))] })],
      roles: [
        iamRole("ci", { inlinePolicies: [inline("cfn", policy(allow(["iam:PassRole", "cloudformation:CreateStack"])))] }),
        iamRole("AWSServiceRoleForSupport", { path: "/aws-service-role/support.amazonaws.com/", inlinePolicies: [inline("x", policy(allow("iam:*")))] }),
      ],
      policies: [adminAccess],
    });
    expect(statuses(run(policiesPrivilegeEscalation, withDetails(details)))).toEqual([
      ["attacher", "fail"],
      ["grouped", "fail"],
      ["reader", "pass"],
      ["ci", "fail"],
    ]);
  });

  it("lowers the severity when every action is narrowed to named resources", () => {
    const user = iamUser("narrow", { inlinePolicies: [inline("p", policy(allow("iam:AttachRolePolicy", "arn:aws:iam::111122223333:role/app")))] });
    expect(only(run(policiesPrivilegeEscalation, withDetails(authorizationDetails({ users: [user] }))))).toMatchObject({ status: "fail", severity: "medium" });
  });

  it("does not count self-service credential management scoped to ${aws:username}", () => {
    const user = iamUser("self", { inlinePolicies: [inline("own-keys", policy(allow(["iam:CreateAccessKey", "iam:UpdateLoginProfile"], "arn:aws:iam::*:user/${aws:username}")))] });
    expect(only(run(policiesPrivilegeEscalation, withDetails(authorizationDetails({ users: [user] })))).status).toBe("pass");
  });

  it("puts the granting statements in the evidence", () => {
    const user = iamUser("attacher", { inlinePolicies: [inline("iam", policy(allow("iam:AttachUserPolicy")))] });
    const finding = only(run(policiesPrivilegeEscalation, withDetails(authorizationDetails({ users: [user] }))));
    expect(finding.evidence).toMatchObject({
      paths: [{ method: "iam-attach-user-policy", grants: [{ action: "iam:AttachUserPolicy", statements: [{ policyName: "iam", index: 0, statement: allow("iam:AttachUserPolicy") }] }] }],
    });
  });

  it("shows a grant that needs a condition as conditional, and says SCPs were not considered", () => {
    const user = iamUser("tagged", {
      inlinePolicies: [inline("iam", policy(allow("iam:AttachUserPolicy", "*", { Condition: { StringEquals: { "aws:PrincipalTag/team": "platform" } } })))],
    });
    const finding = only(run(policiesPrivilegeEscalation, withDetails(authorizationDetails({ users: [user] }))));
    expect(finding.reason).toContain("under conditions its policies set");
    expect(finding.evidence).toMatchObject({
      paths: [{ grants: [{ statements: [{ policyName: "iam", conditional: true }] }] }],
      serviceControlPolicies: "not considered",
    });
  });

  it("does not count an action its permissions boundary denies", () => {
    const boundary = managedPolicy(customerPolicyArn("no-iam"), policy(allow("*"), { Effect: "Deny", Action: "iam:*", Resource: "*" }));
    const user = iamUser("bounded", { permissionsBoundaryArn: boundary.arn, inlinePolicies: [inline("iam", policy(allow("iam:AttachUserPolicy")))] });
    expect(only(run(policiesPrivilegeEscalation, withDetails(authorizationDetails({ users: [user], policies: [boundary] })))).status).toBe("pass");
  });

  it("is unknown, not pass, when a principal without a visible path has an unreadable policy", () => {
    const user = iamUser("partial", { inlinePolicies: [inline("bad", { $malformed: true, raw: "", error: "bad" })] });
    expect(only(run(policiesPrivilegeEscalation, withDetails(authorizationDetails({ users: [user] })))).status).toBe("unknown");
  });
});

describe("principals.unused", () => {
  const report = (...rows: Parameters<typeof credentialReport>[0]) => ok(credentialReport(rows));
  it.each([
    ["a console user who signed in yesterday", humanRow("a"), "pass"],
    ["a user whose key was used 100 days ago", keyRow("b", 200, 100), "fail"],
    ["a user never used (no_information), created 400 days ago", credentialRow("c", { password_enabled: true, password_last_used: "no_information" }), "fail"],
    ["a user never used, created 10 days ago", credentialRow("d", { user_creation_time: daysAgo(10) }), "pass"],
  ])("%s → %s", (_, row, status) => {
    const findings = run(principalsUnused, snapshot({ "iam.credentialReport": report(row), "iam.authorizationDetails": ok(authorizationDetails()) }));
    expect(only(findings).status).toBe(status);
  });

  it("keeps the moving last-use date out of a passing finding's evidence, so daily use is no change", () => {
    const findings = run(
      principalsUnused,
      snapshot({ "iam.credentialReport": report(humanRow("a")), "iam.authorizationDetails": ok(authorizationDetails({ roles: [iamRole("r", { roleLastUsed: { lastUsedDate: daysAgo(1) } })] })) }),
    );
    expect(findings.map((finding) => finding.evidence)).toEqual([
      { user: "a", arn: "arn:aws:iam::111122223333:user/a", user_creation_time: daysAgo(400), usedWithinDays: 90 },
      { arn: "arn:aws:iam::111122223333:role/r", createDate: "2024-01-01T00:00:00Z", usedWithinDays: 90 },
    ]);
    expect(findings[0]?.reason).toContain(`(${daysAgo(1).slice(0, 10)})`);
  });

  it("judges roles by RoleLastUsed, falling back to the creation date, and skips service-linked roles", () => {
    const details = authorizationDetails({
      roles: [
        iamRole("recent", { roleLastUsed: { lastUsedDate: daysAgo(5), region: "eu-west-1" } }),
        iamRole("stale", { roleLastUsed: { lastUsedDate: daysAgo(120) } }),
        iamRole("never", { createDate: daysAgo(365), roleLastUsed: {} }),
        iamRole("AWSServiceRoleForECS", { path: "/aws-service-role/ecs.amazonaws.com/" }),
      ],
    });
    const findings = run(principalsUnused, snapshot({ "iam.credentialReport": report(), "iam.authorizationDetails": ok(details) }));
    expect(statuses(findings)).toEqual([
      ["recent", "pass"],
      ["stale", "fail"],
      ["never", "fail"],
    ]);
  });

  it("still judges roles when the credential report failed, with one unknown for the account", () => {
    const findings = run(
      principalsUnused,
      snapshot({ "iam.credentialReport": failed("iam:GenerateCredentialReport", "LimitExceeded"), "iam.authorizationDetails": ok(authorizationDetails({ roles: [iamRole("r")] })) }),
    );
    expect(findings.map((finding) => [finding.resourceType, finding.status])).toEqual([
      ["role", "fail"],
      ["account", "unknown"],
    ]);
  });
});

describe("accessanalyzer.enabled", () => {
  it("judges each enabled region and skips disabled ones", () => {
    const findings = run(
      accessAnalyzerEnabled,
      snapshot(
        {
          [regional("accessanalyzer.analyzers", "eu-west-1")]: ok([analyzer("account", "eu-west-1")]),
          [regional("accessanalyzer.analyzers", "us-east-1")]: ok([analyzer("unused", "us-east-1", { type: "ACCOUNT_UNUSED_ACCESS" })]),
          [regional("accessanalyzer.analyzers", "us-west-2")]: ok([analyzer("org", "us-west-2", { type: "ORGANIZATION", status: "DISABLED" })]),
          [regional("accessanalyzer.analyzers", "eu-south-1")]: failed("access-analyzer:ListAnalyzers", "AccessDeniedException"),
          [regional("accessanalyzer.analyzers", "ap-east-1")]: skipped(),
        },
        ["eu-south-1", "eu-west-1", "us-east-1", "us-west-2"],
      ),
    );
    expect(statuses(findings)).toEqual([
      ["eu-south-1", "unknown"],
      ["eu-west-1", "pass"],
      ["us-east-1", "fail"],
      ["us-west-2", "fail"],
    ]);
    expect(findings[1]?.resourceId).toBe("arn:aws:access-analyzer:eu-west-1:111122223333:analyzers");
    expect(findings[0]?.resourceId).toBe("arn:aws:access-analyzer:eu-south-1:111122223333:analyzers");
  });
});

describe("cloudtrail.multi-region", () => {
  const regions = ["eu-west-1", "us-east-1"];
  it.each([
    ["a logging multi-region trail (seen from two regions)", { "eu-west-1": ok([trail("main")]), "us-east-1": ok([trail("main")]) }, "pass"],
    ["a multi-region trail that is not logging", { "eu-west-1": ok([]), "us-east-1": ok([trail("main", { status: { ok: true, value: { isLogging: false } } })]) }, "fail"],
    ["a single-region trail only", { "eu-west-1": ok([]), "us-east-1": ok([trail("local", { isMultiRegionTrail: false })]) }, "fail"],
    ["no trails", { "eu-west-1": ok([]), "us-east-1": ok([]) }, "fail"],
    ["no trail found but one region failed", { "eu-west-1": failed("cloudtrail:DescribeTrails", "AccessDenied"), "us-east-1": ok([]) }, "unknown"],
    ["a logging trail found even though another region failed", { "eu-west-1": failed("cloudtrail:DescribeTrails", "AccessDenied"), "us-east-1": ok([trail("main")]) }, "pass"],
    [
      "a multi-region trail whose status could not be read",
      { "eu-west-1": ok([]), "us-east-1": ok([trail("main", { status: { ok: false, error: { api: "cloudtrail:GetTrailStatus", code: "AccessDenied", message: "" } } })]) },
      "unknown",
    ],
  ])("%s → %s", (_, byRegion, status) => {
    const parts = Object.fromEntries(Object.entries(byRegion).map(([region, result]) => [regional("cloudtrail.trails", region), result]));
    expect(only(run(cloudtrailMultiRegion, snapshot(parts, regions))).status).toBe(status);
  });

  it("keeps the ever-changing delivery time out of the evidence", () => {
    const finding = only(run(cloudtrailMultiRegion, snapshot({ [regional("cloudtrail.trails", "us-east-1")]: ok([trail("main")]) })));
    expect(JSON.stringify(finding.evidence)).not.toContain("latestDeliveryTime");
  });
});

describe("policy grants on NotAction are left to exercise 9", () => {
  it("does not flag a NotAction statement as a service wildcard", () => {
    const details = authorizationDetails({ policies: [managedPolicy(customerPolicyArn("p"), policy(allowNotAction("iam:*")))] });
    expect(only(run(policiesServiceWildcards, withDetails(details))).status).toBe("pass");
  });
});
