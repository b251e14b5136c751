import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/policy/admin";
import { attached, authorizationDetails, iamRole, iamUser, inline, managedPolicy } from "@/lib/policy/testing/iam-factory";
import { allow, policy } from "@/lib/policy/testing/policy-factory";
import { ec2InstanceProfile, ec2RoleNotAdmin, usersWorkloadKeys } from "./exercise-04-ec2-roles";
import { only, run, statuses } from "./testing/run-check";
import { credentialReport, failed, humanRow, instance, keyRow, ok, regional, rootRow, skipped, snapshot } from "./testing/snapshot-factory";

const adminAccess = managedPolicy(ADMINISTRATOR_ACCESS_ARN, policy(allow("*")));

describe("ec2.instance-profile", () => {
  it("judges running instances in every collected region", () => {
    const findings = run(
      ec2InstanceProfile,
      snapshot(
        {
          [regional("ec2.instances", "eu-west-1")]: ok([
            instance("i-with", { iamInstanceProfileArn: "arn:aws:iam::111122223333:instance-profile/web" }),
            instance("i-without"),
            instance("i-stopped", { state: "stopped" }),
          ]),
          [regional("ec2.instances", "us-east-1")]: ok([instance("i-east")]),
        },
        ["eu-west-1", "us-east-1"],
      ),
    );
    expect(statuses(findings)).toEqual([
      ["i-with", "pass"],
      ["i-without", "fail"],
      ["i-east", "fail"],
    ]);
    expect(findings[0]).toMatchObject({ resourceId: "arn:aws:ec2:eu-west-1:111122223333:instance/i-with", region: "eu-west-1" });
  });

  it("is unknown for a region whose instances could not be listed, silent for a disabled region", () => {
    const findings = run(
      ec2InstanceProfile,
      snapshot(
        {
          [regional("ec2.instances", "eu-west-1")]: failed("ec2:DescribeInstances", "UnauthorizedOperation", { region: "eu-west-1" }),
          [regional("ec2.instances", "ap-east-1")]: skipped(),
        },
        ["eu-west-1"],
      ),
    );
    expect(only(findings)).toMatchObject({ status: "unknown", resourceType: "region", resourceId: "eu-west-1", region: "eu-west-1" });
    expect(only(findings).reason).toContain("ec2:DescribeInstances failed in eu-west-1: UnauthorizedOperation");
  });

  it("is unknown for the regions not examined when DescribeRegions failed, not silent about them", () => {
    const findings = run(
      ec2InstanceProfile,
      snapshot(
        {
          "ec2.regions": failed("ec2:DescribeRegions", "UnauthorizedOperation"),
          [regional("ec2.instances", "us-east-1")]: ok([instance("i-east", { iamInstanceProfileArn: "arn:aws:iam::111122223333:instance-profile/web" })]),
        },
        ["us-east-1"],
      ),
    );
    expect(statuses(findings)).toEqual([
      ["i-east", "pass"],
      ["opt-in regions", "unknown"],
    ]);
    expect(findings[1]?.reason).toContain("the account's regions could not be listed (ec2:DescribeRegions failed: UnauthorizedOperation)");
  });

  it("is unknown for an enabled region that has no instances part at all", () => {
    expect(only(run(ec2InstanceProfile, snapshot({}, ["eu-central-1"])))).toMatchObject({ status: "unknown", resourceId: "eu-central-1" });
  });
});

describe("users.workload-keys", () => {
  it.each([
    ["a key-only user whose key is used", keyRow("ci"), "fail"],
    ["a key-only user whose key was never used (N/A)", keyRow("ci", 10, "N/A"), "fail"],
  ])("%s → %s", (_, row, status) => {
    const report = ok(credentialReport([rootRow({ access_key_1_active: true }), row]));
    expect(only(run(usersWorkloadKeys, snapshot({ "iam.credentialReport": report }))).status).toBe(status);
  });

  it("does not pass users it does not judge (console users, users without keys): they get no finding", () => {
    const report = ok(credentialReport([keyRow("alice", 10, 1, { password_enabled: true }), humanRow("bob"), keyRow("ci")]));
    expect(statuses(run(usersWorkloadKeys, snapshot({ "iam.credentialReport": report })))).toEqual([["ci", "fail"]]);
  });

  it("passes the account once when no user holds keys without a console password", () => {
    const report = ok(credentialReport([keyRow("alice", 10, 1, { password_enabled: true }), humanRow("bob")]));
    expect(only(run(usersWorkloadKeys, snapshot({ "iam.credentialReport": report })))).toMatchObject({ status: "pass", resourceType: "account" });
  });

  it("raises the severity when the workload user is an administrator", () => {
    const parts = {
      "iam.credentialReport": ok(credentialReport([keyRow("deployer")])),
      "iam.authorizationDetails": ok(authorizationDetails({ users: [iamUser("deployer", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] })], policies: [adminAccess] })),
    };
    expect(only(run(usersWorkloadKeys, snapshot(parts)))).toMatchObject({ status: "fail", severity: "high" });
  });
});

describe("users.workload-keys admin evidence", () => {
  it("records admin as unknown, not false, when the IAM details are missing", () => {
    const finding = only(run(usersWorkloadKeys, snapshot({ "iam.credentialReport": ok(credentialReport([keyRow("deployer")])) })));
    expect(finding).toMatchObject({ status: "fail", severity: "medium", evidence: { admin: "unknown" } });
    expect(finding.reason).toContain("whether it has administrator rights is unknown");
  });

  it("records admin as unknown when a policy of the user could not be read", () => {
    const parts = {
      "iam.credentialReport": ok(credentialReport([keyRow("deployer")])),
      "iam.authorizationDetails": ok(
        authorizationDetails({ users: [iamUser("deployer", { inlinePolicies: [inline("broken", { $malformed: true, raw: "", error: "bad" })] })] }),
      ),
    };
    expect(only(run(usersWorkloadKeys, snapshot(parts))).evidence).toMatchObject({ admin: "unknown" });
  });

  it("records admin as false when every policy was read and none grants admin", () => {
    const parts = {
      "iam.credentialReport": ok(credentialReport([keyRow("deployer")])),
      "iam.authorizationDetails": ok(authorizationDetails({ users: [iamUser("deployer")] })),
    };
    expect(only(run(usersWorkloadKeys, snapshot(parts))).evidence).toMatchObject({ admin: false });
  });
});

describe("ec2.role-not-admin", () => {
  it("judges only roles with an instance profile", () => {
    const profile = ["arn:aws:iam::111122223333:instance-profile/p"];
    const details = authorizationDetails({
      roles: [
        iamRole("admin-instance", { instanceProfileArns: profile, attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] }),
        iamRole("web", { instanceProfileArns: profile, inlinePolicies: [inline("s3", policy(allow("s3:GetObject", "arn:aws:s3:::assets/*")))] }),
        iamRole("broken", { instanceProfileArns: profile, inlinePolicies: [inline("x", { $malformed: true, raw: "", error: "bad" })] }),
        iamRole("lambda-admin", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] }),
      ],
      policies: [adminAccess],
    });
    expect(statuses(run(ec2RoleNotAdmin, snapshot({ "iam.authorizationDetails": ok(details) })))).toEqual([
      ["admin-instance", "fail"],
      ["web", "pass"],
      ["broken", "unknown"],
    ]);
  });
});
