import { describe, expect, it } from "vitest";
import { renderCliCommand } from "@/lib/remediation/shell";
import { allSandboxFindings } from "../../testing/sandbox-findings";
import { assignment, identityCenter, INSTANCE_ARN, permissionSet, setArn } from "../../testing/identity-center-factory";
import { renderedText, remediationTarget } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { ok, snapshot, TEST_ACCOUNT_ID } from "../../testing/snapshot-factory";
import { identityCenterDirectUserAssignments } from "./check";

const withAssignments = (...assignments: ReturnType<typeof assignment>[]) =>
  snapshot({ "identitycenter.assignments": ok({ answer: "member_account", instance: identityCenter({ permissionSets: [permissionSet("Admin"), permissionSet("ReadOnly")], assignments }) }) });

describe("identity-center.direct-user-assignments", () => {
  it("fails an assignment to a single person, naming them and the set", () => {
    const finding = only(run(identityCenterDirectUserAssignments, withAssignments(assignment("ReadOnly", "GROUP", "g-eng"), assignment("Admin", "USER", "u-cy"))));
    expect([finding.status, finding.reason]).toEqual(["fail", "1 permission set assignment is made to a single person rather than a group: cy holds Admin."]);
  });

  it("passes when every assignment is to a group, and is not applicable without any", () => {
    const finding = only(run(identityCenterDirectUserAssignments, withAssignments(assignment("ReadOnly", "GROUP", "g-eng"))));
    expect([finding.status, finding.reason]).toEqual(["pass", "The one permission set assignment is made to a group."]);
    expect(only(run(identityCenterDirectUserAssignments, withAssignments())).status).toBe("not_applicable");
    expect(only(run(identityCenterDirectUserAssignments, snapshot({ "identitycenter.assignments": ok({ answer: "member_account" }) }))).status).toBe("unknown");
  });

  it("says who holds what in words, and moves the person's set to a group with the real names", () => {
    const finding = only(run(identityCenterDirectUserAssignments, withAssignments(assignment("Admin", "USER", "u-cy"))));
    const text = renderedText(identityCenterDirectUserAssignments.describeEvidence(finding.evidence) ?? []);
    expect(text).toContain("one person");
    expect(text).not.toContain("USER");
    const commands = identityCenterDirectUserAssignments.remediation(remediationTarget(finding, TEST_ACCOUNT_ID)).commands.map(renderCliCommand);
    expect(commands[1]).toBe(
      `aws sso-admin delete-account-assignment --instance-arn ${INSTANCE_ARN} --target-id ${TEST_ACCOUNT_ID} --target-type AWS_ACCOUNT --permission-set-arn ${setArn("Admin")} --principal-type USER --principal-id u-cy`,
    );
    expect(commands[0]).toContain("create-account-assignment");
    expect(commands[0]).toContain("--principal-type GROUP --principal-id GROUP_ID");
  });

  it("on the sandbox: fails where one person holds an admin set alone, passes where groups hold them", async () => {
    const byAccount = Object.fromEntries((await allSandboxFindings()).filter(({ finding }) => finding.checkId === "identity-center.direct-user-assignments").map(({ account, finding }) => [account, finding.status]));
    expect(byAccount).toMatchObject({ "dev-experiments": "fail", "prod-payments": "pass", "data-lake": "pass" });
  }, 120_000);
});
