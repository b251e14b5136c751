import { describe, expect, it } from "vitest";
import { only, run, statuses } from "../../testing/run-check";
import { credentialReport, credentialRow, humanRow, keyRow, ok, rootRow, snapshot } from "../../testing/snapshot-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { usersConsoleMfa } from "./check";

const withReport = (...rows: Parameters<typeof credentialReport>[0]) => snapshot({ "iam.credentialReport": ok(credentialReport(rows)) });

describe("users.console-mfa", () => {
  it("judges only users with a console password", () => {
    const findings = run(
      usersConsoleMfa,
      withReport(rootRow({ mfa_active: false }), humanRow("alice"), humanRow("bob", { mfa_active: false }), keyRow("ci-bot"), credentialRow("n-a", { password_enabled: "N/A" })),
    );
    expect(statuses(findings)).toEqual([
      ["alice", "pass"],
      ["bob", "fail"],
    ]);
  });

  it("is unknown for the account when the report is missing", () => {
    expect(only(run(usersConsoleMfa, snapshot({}))).status).toBe("unknown");
  });

  it("keeps the evidence it stored before and shows it in words, the missing MFA marked", () => {
    const finding = only(run(usersConsoleMfa, withReport(humanRow("bob", { mfa_active: false }))));
    expect(finding.evidence).toEqual({ user: "bob", arn: "arn:aws:iam::111122223333:user/bob", password_enabled: true, mfa_active: false });
    const blocks = usersConsoleMfa.describeEvidence?.(finding.evidence);
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Credential report",
        rows: [
          { label: "User", value: "bob", verbatim: true },
          { label: "ARN", value: "arn:aws:iam::111122223333:user/bob", verbatim: true },
          { label: "Console password", value: "yes", verbatim: false, mark: false },
          { label: "MFA device", value: "no", verbatim: false, mark: true },
        ],
      },
    ]);
    expect(renderedText(blocks ?? [])).not.toMatch(/password_enabled|mfa_active/);
  });

  it("names the user from the typed evidence in its remediation", () => {
    const finding = only(run(usersConsoleMfa, withReport(humanRow("bob", { mfa_active: false }))));
    const steps = usersConsoleMfa.remediation?.({ ...remediationTarget(finding), resourceId: "arn:aws:iam::111122223333:user/unrelated" });
    expect(steps?.summary).toBe("Have bob enrol an MFA device, or remove the console password if bob does not sign in.");
  });
});
