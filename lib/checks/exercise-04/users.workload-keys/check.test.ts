import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/policy/admin";
import { attached, authorizationDetails, iamUser, inline, managedPolicy } from "@/lib/policy/testing/iam-factory";
import { allow, policy } from "@/lib/policy/testing/policy-factory";
import { renderCliCommand } from "@/lib/remediation/shell";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run, statuses } from "../../testing/run-check";
import { credentialReport, humanRow, keyRow, ok, rootRow, snapshot } from "../../testing/snapshot-factory";
import { usersWorkloadKeys } from "./check";

const adminAccess = managedPolicy(ADMINISTRATOR_ACCESS_ARN, policy(allow("*")));

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

describe("users.workload-keys view and remediation", () => {
  const adminDeployer = () =>
    only(
      run(
        usersWorkloadKeys,
        snapshot({
          "iam.credentialReport": ok(credentialReport([keyRow("deployer", 10, 1, { access_key_2_active: true })])),
          "iam.authorizationDetails": ok(authorizationDetails({ users: [iamUser("deployer", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] })], policies: [adminAccess] })),
        }),
      ),
    );

  it("shows the report columns and the admin rights in words, marking what makes it a workload identity", () => {
    const blocks = usersWorkloadKeys.describeEvidence?.(adminDeployer().evidence) ?? [];
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Credential report",
        rows: [
          { label: "User", value: "deployer", verbatim: true },
          { label: "ARN", value: "arn:aws:iam::111122223333:user/deployer", verbatim: true },
          { label: "Console password", value: "no", verbatim: false, mark: true },
          { label: "Access key 1 active", value: "yes", verbatim: false, mark: true },
          { label: "Access key 2 active", value: "yes", verbatim: false, mark: true },
          { label: "Administrator rights", value: "yes", mark: true },
        ],
      },
    ]);
    expect(renderedText(blocks)).not.toMatch(/password_enabled|access_key/);
  });

  it("reads the user, its active keys and its admin rights from the typed evidence", () => {
    const steps = usersWorkloadKeys.remediation?.(remediationTarget(adminDeployer()));
    expect(steps?.summary).toBe("Move the workload that uses deployer's access keys to an IAM role, then retire the keys (they carry administrator rights: do this first).");
    expect(steps?.commands.map(renderCliCommand)).toContain("aws iam list-access-keys --user-name deployer");
    expect(steps?.commands.at(-1)?.description).toBe("deployer has a second active key: repeat the steps above for it.");
  });
});
