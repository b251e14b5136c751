import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/policy/admin";
import { attached, authorizationDetails, iamUser, managedPolicy } from "@/lib/policy/testing/iam-factory";
import { allow, policy } from "@/lib/policy/testing/policy-factory";
import { GLOBAL_PART_NAMES, REGIONAL_PART_NAMES, type PartResult } from "@/lib/snapshot/schema";
import { defineCheck } from "./define-check";
import { CHECKS, EXERCISES, evaluateChecks, evaluateSnapshot, getCheck } from "./registry";
import { credentialReport, failed, humanRow, ok, regional, rootRow, snapshot } from "./testing/snapshot-factory";
import { DEFAULT_THRESHOLDS, type CheckDefinition } from "./types";

/** The catalogue in /work/shared/CHECKS.md, exercise by exercise. */
const CATALOGUE: Record<number, string[]> = {
  1: ["root.access-keys", "root.recent-use"],
  2: ["root.mfa", "root.hardware-mfa", "users.console-mfa", "users.mfa-enforced"],
  3: ["admins.count", "policies.no-star-star", "users.permissions-via-groups", "identity-center.admin-assignments", "identity-center.direct-user-assignments"],
  4: ["ec2.instance-profile", "users.workload-keys", "ec2.role-not-admin"],
  5: ["policies.service-wildcards", "policies.privilege-escalation", "principals.unused", "accessanalyzer.enabled", "cloudtrail.multi-region"],
  6: ["keys.rotated", "keys.single-active", "credentials.unused", "password-policy.strong"],
  7: ["sts.regions-unused-disabled", "sts.global-token-v2", "roles.cross-account-conditions", "roles.short-sessions", "users.humans-via-roles", "identity-center.session-duration"],
  8: ["ec2.in-autoscaling-group", "asg.can-scale"],
  9: ["sg.admin-ports-open", "sg.default-closed", "policies.allow-not-action"],
  10: ["s3.account-public-access-block", "s3.bucket-policy-public", "s3.bucket-acl-public"],
};

describe("the check catalogue", () => {
  it("has exactly the checks of CHECKS.md, each in its exercise", () => {
    const byExercise: Record<number, string[]> = {};
    for (const check of CHECKS) byExercise[check.exercise] = [...(byExercise[check.exercise] ?? []), check.id];
    expect(byExercise).toEqual(CATALOGUE);
  });

  it("has unique ids, a title and a reason why for every check", () => {
    expect(new Set(CHECKS.map((check) => check.id)).size).toBe(CHECKS.length);
    for (const check of CHECKS) {
      expect(check.title.length).toBeGreaterThan(10);
      expect(check.why.length).toBeGreaterThan(40);
    }
  });

  it("lists the ten exercises with the guide's titles", () => {
    expect(EXERCISES.map((exercise) => exercise.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(EXERCISES[0]?.title).toBe("Disable Root API Access Key and Secret Key");
    expect(EXERCISES[9]?.title).toBe("Watch World-Readable and Listable S3 Bucket Policies");
  });

  it("finds checks by id", () => {
    expect(getCheck("root.mfa")?.exercise).toBe(2);
    expect(getCheck("no.such-check")).toBeUndefined();
  });
});

describe("evaluateSnapshot", () => {
  const allPartsFailed = (): Record<string, PartResult<unknown>> => ({
    ...Object.fromEntries(GLOBAL_PART_NAMES.map((name) => [name, failed(`svc:${name}`, "AccessDenied")])),
    ...Object.fromEntries(REGIONAL_PART_NAMES.map((name) => [regional(name, "us-east-1"), failed(`svc:${name}`, "AccessDenied", { region: "us-east-1" })])),
  });

  it("gives every check an unknown finding, and nothing else, when nothing was collected", () => {
    const findings = evaluateSnapshot(snapshot({}), DEFAULT_THRESHOLDS);
    expect(new Set(findings.map((finding) => finding.checkId))).toEqual(new Set(CHECKS.map((check) => check.id)));
    expect(findings.every((finding) => finding.status === "unknown")).toBe(true);
  });

  it("never passes a check from a part in error, even when its stale data would pass", () => {
    const parts = allPartsFailed();
    parts["iam.credentialReport"] = failed("iam:GenerateCredentialReport", "AccessDenied", {
      stale: { data: credentialReport([rootRow(), humanRow("alice")]), collectedAt: "2025-05-01T00:00:00Z" },
    });
    const findings = evaluateSnapshot(snapshot(parts), DEFAULT_THRESHOLDS);
    expect(findings.filter((finding) => finding.status === "pass")).toEqual([]);
    expect(findings.find((finding) => finding.checkId === "root.mfa")?.reason).toContain("last known data is from 2025-05-01T00:00:00Z");
  });

  it("is unknown, not a crash, when a stored part does not match the contract", () => {
    const findings = evaluateSnapshot(snapshot({ "iam.credentialReport": ok({ rows: "not a list" }) }), DEFAULT_THRESHOLDS);
    const rootMfa = findings.find((finding) => finding.checkId === "root.mfa");
    expect(rootMfa?.status).toBe("unknown");
    expect(rootMfa?.reason).toContain("the stored copy of the IAM credential report is not in a form this version of iamfit reads");
  });

  it("is deterministic and keeps evidence plain JSON", () => {
    const details = authorizationDetails({
      users: [iamUser("alice", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] })],
      policies: [managedPolicy(ADMINISTRATOR_ACCESS_ARN, policy(allow("*")))],
    });
    const input = snapshot({ "iam.authorizationDetails": ok(details), "iam.credentialReport": ok(credentialReport([rootRow(), humanRow("alice")])) });
    const first = evaluateSnapshot(input, DEFAULT_THRESHOLDS);
    const second = evaluateSnapshot(structuredClone(input), DEFAULT_THRESHOLDS);
    expect(second).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });

  it("turns a check that throws into one unknown finding instead of failing the account", () => {
    const broken = defineCheck({
      id: "test.broken",
      exercise: 1,
      title: "A check with a bug",
      severity: "low",
      why: "test",
      evidence: z.object({}),
      describeEvidence: () => [],
      remediation: () => ({ summary: "none", console: [], commands: [], snippets: [], care: [] }),
      evaluate: () => {
        throw new Error("boom");
      },
    });
    const findings = evaluateChecks([broken, getCheck("root.mfa") as CheckDefinition], snapshot({}), DEFAULT_THRESHOLDS);
    expect(findings.map((finding) => [finding.checkId, finding.status])).toEqual([
      ["test.broken", "unknown"],
      ["root.mfa", "unknown"],
    ]);
    expect(findings[0]?.reason).toContain("boom");
  });

  it("never passes or calls not applicable a check that read a part with entries left out, but keeps its fails", () => {
    const details = authorizationDetails({
      users: [iamUser("alice", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] }), iamUser("bob")],
      policies: [managedPolicy(ADMINISTRATOR_ACCESS_ARN, policy(allow("*")))],
    });
    const leftOut = { api: "iam:GetAccountAuthorizationDetails", code: "IncompleteEntry", message: "iam:GetAccountAuthorizationDetails answered a group without its ARN; iamfit left that group out." };
    const complete = snapshot({ "iam.authorizationDetails": ok(details), "iam.credentialReport": ok(credentialReport([rootRow(), humanRow("alice"), humanRow("bob")])) });
    const incomplete = snapshot({ ...complete.parts, "iam.authorizationDetails": { status: "ok", data: details, entryErrors: [leftOut] } });
    const before = evaluateSnapshot(complete, DEFAULT_THRESHOLDS);
    const after = evaluateSnapshot(incomplete, DEFAULT_THRESHOLDS);
    const readsDetails = new Set(["admins.count", "policies.no-star-star", "users.permissions-via-groups", "users.mfa-enforced", "principals.unused"]);
    const judged = (findings: typeof after) =>
      findings.filter((finding) => readsDetails.has(finding.checkId)).map((finding) => [finding.checkId, finding.resourceId, finding.status]);
    // The complete answer gives passes here; without the group none may remain, and every fail stays.
    expect(judged(before).some(([, , status]) => status === "pass")).toBe(true);
    expect(judged(after)).toEqual(judged(before).map(([check, resource, status]) => [check, resource, status === "pass" || status === "not_applicable" ? "unknown" : status]));
    const unknown = after.find((finding) => finding.checkId === "users.permissions-via-groups" && finding.status === "unknown");
    expect(unknown?.reason).toContain("iamfit left that group out");
    // Checks that never read the part are not touched.
    expect(after.filter((finding) => finding.checkId === "root.mfa")).toEqual(before.filter((finding) => finding.checkId === "root.mfa"));
  });

  it("keeps one finding per check and resource", () => {
    const findings = evaluateSnapshot(snapshot({}), DEFAULT_THRESHOLDS);
    const keys = findings.map((finding) => `${finding.checkId}|${finding.resourceId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
