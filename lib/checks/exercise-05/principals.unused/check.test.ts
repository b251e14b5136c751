import { describe, expect, it } from "vitest";
import { authorizationDetails, iamRole } from "@/lib/policy/testing/iam-factory";
import { renderCliCommand } from "@/lib/remediation/shell";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run, statuses } from "../../testing/run-check";
import { credentialReport, credentialRow, daysAgo, failed, humanRow, keyRow, ok, snapshot } from "../../testing/snapshot-factory";
import { principalsUnused } from "./check";

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

describe("principals.unused view and remediation", () => {
  const report = (...rows: Parameters<typeof credentialReport>[0]) => ok(credentialReport(rows));

  it("shows a stale user's last uses marked, and a used user's window without the moving date", () => {
    const findings = run(
      principalsUnused,
      snapshot({ "iam.credentialReport": report(keyRow("stale", 200, 100), humanRow("busy")), "iam.authorizationDetails": ok(authorizationDetails()) }),
    );
    const view = (name: string) => principalsUnused.describeEvidence?.(findings.find((finding) => finding.resourceName === name)!.evidence) ?? [];
    const [stale, busy] = [view("stale"), view("busy")];
    expect(stale![0]).toMatchObject({ kind: "facts", title: "Credential report" });
    const staleRows = stale![0]!.kind === "facts" ? stale![0]!.rows : [];
    expect(staleRows.filter((row) => row.mark).map((row) => row.label)).toEqual(["Access key 1 last used"]);
    const busyRows = busy![0]!.kind === "facts" ? busy![0]!.rows : [];
    expect(busyRows.at(-1)).toEqual({ label: "Used within the last", value: "90 days" });
    expect(renderedText([...stale!, ...busy!])).not.toMatch(/usedWithinDays|last_used|creation_time/);
  });

  it("shows a role that was never used with its creation day marked", () => {
    const details = authorizationDetails({ roles: [iamRole("never", { createDate: "2024-03-04T05:06:07Z", roleLastUsed: {} })] });
    const finding = only(run(principalsUnused, snapshot({ "iam.credentialReport": report(), "iam.authorizationDetails": ok(details) })));
    expect(principalsUnused.describeEvidence?.(finding.evidence)).toEqual([
      {
        kind: "facts",
        title: "Role",
        rows: [
          { label: "Role", value: "arn:aws:iam::111122223333:role/never", verbatim: true },
          { label: "Created", value: "2024-03-04", mark: true },
          { label: "Last used", value: "no recorded use (IAM tracks the last 400 days)", mark: true },
        ],
      },
    ]);
  });

  it("names the user or role from the typed evidence in its remediation", () => {
    const details = authorizationDetails({ roles: [iamRole("never", { roleLastUsed: {} })] });
    const [user, role] = run(principalsUnused, snapshot({ "iam.credentialReport": report(keyRow("stale", 200, 100)), "iam.authorizationDetails": ok(details) }));
    expect(principalsUnused.remediation?.({ ...remediationTarget(user!), resourceId: "x" }).summary).toBe(
      "Disable user stale, unused for the limit: remove the console password and deactivate the keys, then delete the user.",
    );
    expect(principalsUnused.remediation?.(remediationTarget(role!)).commands.map(renderCliCommand)).toContain("aws iam delete-role --role-name never");
  });
});
