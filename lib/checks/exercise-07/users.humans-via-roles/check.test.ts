import { describe, expect, it } from "vitest";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run, statuses } from "../../testing/run-check";
import { credentialReport, humanRow, keyRow, ok, snapshot } from "../../testing/snapshot-factory";
import { usersHumansViaRoles } from "./check";

const judge = (...rows: Parameters<typeof credentialReport>[0]) => run(usersHumansViaRoles, snapshot({ "iam.credentialReport": ok(credentialReport(rows)) }));

describe("users.humans-via-roles", () => {
  it("fails console users who also hold active keys", () => {
    const findings = run(usersHumansViaRoles, snapshot({ "iam.credentialReport": ok(credentialReport([humanRow("alice"), keyRow("bob", 10, 1, { password_enabled: true }), keyRow("ci")])) }));
    expect(statuses(findings)).toEqual([
      ["alice", "pass"],
      ["bob", "fail"],
    ]);
  });

  it("keeps the evidence it stored before: the password and key columns of the report", () => {
    expect(only(judge(keyRow("bob", 10, 1, { password_enabled: true }))).evidence).toEqual({
      user: "bob",
      arn: "arn:aws:iam::111122223333:user/bob",
      password_enabled: true,
      access_key_1_active: true,
      access_key_2_active: false,
    });
  });

  it("shows the report's columns in words, marking the password and the active key", () => {
    const blocks = usersHumansViaRoles.describeEvidence?.(only(judge(keyRow("bob", 10, 1, { password_enabled: true }))).evidence) ?? [];
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Credential report",
        rows: [
          { label: "User", value: "bob", verbatim: true },
          { label: "ARN", value: "arn:aws:iam::111122223333:user/bob", verbatim: true },
          { label: "Console password", value: "yes", verbatim: false, mark: true },
          { label: "Access key 1 active", value: "yes", verbatim: false, mark: true },
          { label: "Access key 2 active", value: "no", verbatim: false, mark: false },
        ],
      },
    ]);
    expect(renderedText(blocks)).not.toMatch(/password_enabled|access_key/);
    const passing = usersHumansViaRoles.describeEvidence?.(only(judge(humanRow("alice"))).evidence) ?? [];
    expect(passing[0]).toMatchObject({ rows: [{}, {}, { label: "Console password", mark: false }, { mark: false }, { mark: false }] });
  });

  it("names the active key from the typed evidence in its remediation", () => {
    const steps = usersHumansViaRoles.remediation?.(remediationTarget(only(judge(keyRow("bob", 10, 1, { password_enabled: true, access_key_1_active: false, access_key_2_active: true })))));
    expect(steps?.summary).toBe("Give bob access through IAM Identity Center or a role assumed with MFA, then retire the user's access key 2.");
  });
});
