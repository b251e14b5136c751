import { describe, expect, it } from "vitest";
import { renderCliCommand } from "@/lib/remediation/shell";
import { allSandboxFindings } from "../../testing/sandbox-findings";
import { assignment, identityCenter, INSTANCE_ARN, permissionSet, setArn } from "../../testing/identity-center-factory";
import { renderedText, remediationTarget } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { failed, ok, snapshot } from "../../testing/snapshot-factory";
import { durationSeconds } from "./duration";
import { identityCenterSessionDuration } from "./check";

function withSets(...sets: Array<{ name: string; sessionDuration?: string }>) {
  const instance = identityCenter({
    permissionSets: sets.map((set) => permissionSet(set.name, set.sessionDuration ? { sessionDuration: set.sessionDuration } : {})),
    assignments: sets.map((set) => assignment(set.name, "GROUP", "g-eng")),
  });
  return snapshot({ "identitycenter.assignments": ok({ answer: "member_account", instance }) });
}

describe("identity-center.session-duration", () => {
  it("reads ISO 8601 durations and refuses what is not one", () => {
    expect([durationSeconds("PT1H"), durationSeconds("PT4H"), durationSeconds("PT1H30M"), durationSeconds("PT12H"), durationSeconds("PT"), durationSeconds("P1D")]).toEqual([3600, 14400, 5400, 43200, null, null]);
  });

  it("fails a set whose sessions last more than 4 hours, saying the threshold", () => {
    const finding = only(run(identityCenterSessionDuration, withSets({ name: "Admin", sessionDuration: "PT12H" }, { name: "ReadOnly", sessionDuration: "PT4H" })));
    expect([finding.status, finding.reason]).toEqual(["fail", "Sessions last more than 4 hours: Admin (12 hours)."]);
  });

  it("passes at exactly 4 hours, and takes a missing duration as AWS's default of one hour", () => {
    const finding = only(run(identityCenterSessionDuration, withSets({ name: "ReadOnly", sessionDuration: "PT4H" }, { name: "Default" })));
    expect([finding.status, finding.reason]).toEqual(["pass", "Every permission set assigned here ends its sessions within 4 hours: ReadOnly (4 hours), Default (1 hour)."]);
  });

  it("is unknown for a duration it cannot read, not applicable without assignments, unknown when Identity Center failed", () => {
    expect(only(run(identityCenterSessionDuration, withSets({ name: "Odd", sessionDuration: "P1D" }))).status).toBe("unknown");
    expect(only(run(identityCenterSessionDuration, withSets())).status).toBe("not_applicable");
    const denied = only(run(identityCenterSessionDuration, snapshot({ "identitycenter.assignments": failed("sso:ListInstances", "AccessDeniedException") })));
    expect([denied.status, denied.reason]).toEqual(["unknown", "Cannot be judged: sso:ListInstances failed: AccessDeniedException."]);
  });

  it("shows each set's session in words, and shortens the long ones with the real names", () => {
    const finding = only(run(identityCenterSessionDuration, withSets({ name: "Admin", sessionDuration: "PT12H" })));
    const text = renderedText(identityCenterSessionDuration.describeEvidence(finding.evidence) ?? []);
    expect(text).toContain("12 hours");
    expect(text).toContain("4 hours");
    const steps = identityCenterSessionDuration.remediation(remediationTarget(finding));
    expect(steps.commands.map(renderCliCommand)).toEqual([
      `aws sso-admin update-permission-set --instance-arn ${INSTANCE_ARN} --permission-set-arn ${setArn("Admin")} --session-duration PT4H`,
      `aws sso-admin provision-permission-set --instance-arn ${INSTANCE_ARN} --permission-set-arn ${setArn("Admin")} --target-type ALL_PROVISIONED_ACCOUNTS`,
    ]);
  });

  it("on the sandbox: fails where AdministratorAccess keeps 12-hour sessions, passes where sets keep 1 or 2 hours", async () => {
    const byAccount = Object.fromEntries((await allSandboxFindings()).filter(({ finding }) => finding.checkId === "identity-center.session-duration").map(({ account, finding }) => [account, finding.status]));
    expect(byAccount).toMatchObject({ "prod-payments": "fail", "dev-experiments": "pass", "data-lake": "pass", "staging-web": "not_applicable" });
  }, 120_000);
});
