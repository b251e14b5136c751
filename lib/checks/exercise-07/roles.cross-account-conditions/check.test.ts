import { describe, expect, it } from "vitest";
import { authorizationDetails, iamRole, TEST_ACCOUNT_ID } from "@/lib/policy/testing/iam-factory";
import { allowPrincipal, MFA_PRESENT, policy } from "@/lib/policy/testing/policy-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run, statuses } from "../../testing/run-check";
import { ok, snapshot } from "../../testing/snapshot-factory";
import { rolesCrossAccountConditions } from "./check";

const OTHER = "444455556666";
const trustRole = (name: string, statement: ReturnType<typeof allowPrincipal>, overrides: Parameters<typeof iamRole>[1] = {}) =>
  iamRole(name, { assumeRolePolicyDocument: policy(statement), ...overrides });
const judge = (...roles: ReturnType<typeof iamRole>[]) => run(rolesCrossAccountConditions, snapshot({ "iam.authorizationDetails": ok(authorizationDetails({ roles })) }));

describe("roles.cross-account-conditions", () => {
  it.each([
    ["another account without conditions", allowPrincipal({ AWS: `arn:aws:iam::${OTHER}:root` }, "sts:AssumeRole"), "fail", "high"],
    ["another account with an ExternalId", allowPrincipal({ AWS: OTHER }, "sts:AssumeRole", { Condition: { StringEquals: { "sts:ExternalId": "x-1" } } }), "pass", "high"],
    ["another account with MFA", allowPrincipal({ AWS: OTHER }, "sts:AssumeRole", { Condition: MFA_PRESENT }), "pass", "high"],
    ["everyone", allowPrincipal("*", "sts:AssumeRole"), "fail", "critical"],
  ])("a role trusting %s → %s", (_, statement, status, severity) => {
    const details = authorizationDetails({ roles: [trustRole("partner", statement)] });
    expect(only(run(rolesCrossAccountConditions, snapshot({ "iam.authorizationDetails": ok(details) })))).toMatchObject({ status, severity });
  });

  it("does not judge roles trusted only by services or the own account, and is unknown for a malformed trust policy", () => {
    const details = authorizationDetails({
      roles: [
        iamRole("ec2"),
        trustRole("own", allowPrincipal({ AWS: `arn:aws:iam::${TEST_ACCOUNT_ID}:root` }, "sts:AssumeRole")),
        iamRole("broken", { assumeRolePolicyDocument: { $malformed: true, raw: "", error: "bad" } }),
      ],
    });
    expect(statuses(run(rolesCrossAccountConditions, snapshot({ "iam.authorizationDetails": ok(details) })))).toEqual([["broken", "unknown"]]);
  });

  it("shows who is trusted and the trust statement with the role's name, marking the principal that needs no ExternalId or MFA", () => {
    const unprotected = `arn:aws:iam::${OTHER}:root`;
    const finding = only(judge(trustRole("partner", allowPrincipal({ AWS: unprotected }, "sts:AssumeRole", { Sid: "Partner" }))));
    const blocks = rolesCrossAccountConditions.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks[0]).toEqual({
      kind: "table",
      title: "Trusted from outside the account",
      columns: ["Principal", "Who that is", "ExternalId required", "MFA required", "Narrowed by a condition"],
      rows: [
        [
          { text: unprotected, verbatim: true, mark: true },
          { text: `account ${OTHER}: any of its users and roles its own policies allow` },
          { text: "no", mark: true },
          { text: "no", mark: true },
          { text: "no", mark: false },
        ],
      ],
    });
    expect(blocks[1]).toMatchObject({ kind: "statement", title: "Trust policy, statement 1", attachedTo: ["partner"] });
    const statementText = blocks[1]?.kind === "statement" ? blocks[1].lines.map((line) => line.map((part) => part.text).join("")).join("\n") : "";
    expect(statementText).toContain('"Sid": "Partner"');
    const markedText = blocks[1]?.kind === "statement" ? blocks[1].lines.flatMap((line) => line.filter((part) => part.mark).map((part) => part.text)) : [];
    expect(markedText.join(" ")).toContain(unprotected);
    expect(blocks[2]).toMatchObject({ kind: "note" });
    expect(renderedText(blocks)).not.toMatch(/requiresExternalId|restrictedByCondition|crossAccount/);
  });

  it("marks nothing for a principal that must present an ExternalId, and marks * for a role anyone may assume", () => {
    const guarded = only(judge(trustRole("vendor", allowPrincipal({ AWS: OTHER }, "sts:AssumeRole", { Condition: { StringEquals: { "sts:ExternalId": "x-1" } } }))));
    const guardedBlocks = rolesCrossAccountConditions.describeEvidence?.(guarded.evidence) ?? [];
    expect(guardedBlocks.map((block) => block.kind)).toEqual(["table", "statement"]);
    expect(guardedBlocks[0]).toMatchObject({ rows: [[{ text: OTHER, mark: false }, {}, { text: "yes", mark: false }, { text: "no", mark: false }, { text: "no", mark: false }]] });

    const open = only(judge(trustRole("public", allowPrincipal("*", "sts:AssumeRole"))));
    const openBlocks = rolesCrossAccountConditions.describeEvidence?.(open.evidence) ?? [];
    expect(openBlocks[0]).toMatchObject({ rows: [[{ text: "*", mark: true }, { text: "anyone, in any account" }, { mark: true }, { mark: true }, { text: "no", mark: true }]] });
    const statement = openBlocks[1]?.kind === "statement" ? openBlocks[1].lines.flatMap((line) => line.filter((part) => part.mark).map((part) => part.text)) : [];
    expect(statement.join(" ")).toContain("*");
  });

  it("says in words why a trust policy could not be read", () => {
    const finding = only(judge(iamRole("broken", { assumeRolePolicyDocument: { $malformed: true, raw: "", error: "bad" } })));
    const blocks = rolesCrossAccountConditions.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks[0]).toMatchObject({ kind: "facts", rows: [{ label: "Role" }, { label: "Could not be read", value: "the trust policy is not valid JSON", mark: true }, { label: "Details", value: "bad" }] });
  });

  it("writes the unprotected principals from the typed evidence into the trust policy snippets", () => {
    const unprotected = `arn:aws:iam::${OTHER}:root`;
    const finding = only(
      judge(
        iamRole("mixed", {
          assumeRolePolicyDocument: policy(
            allowPrincipal({ AWS: unprotected }, "sts:AssumeRole"),
            allowPrincipal({ AWS: "777788889999" }, "sts:AssumeRole", { Condition: MFA_PRESENT }),
          ),
        }),
      ),
    );
    const steps = rolesCrossAccountConditions.remediation?.(remediationTarget(finding));
    expect(JSON.parse(steps!.snippets[0]!.code).Statement[0].Principal).toEqual({ AWS: unprotected });
    expect(steps?.care.join(" ")).toContain("copy the statements of 777788889999, which already present an ExternalId or MFA");
  });
});
