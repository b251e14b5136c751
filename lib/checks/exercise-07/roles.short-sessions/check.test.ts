import { describe, expect, it } from "vitest";
import { authorizationDetails, iamRole, TEST_ACCOUNT_ID } from "@/lib/policy/testing/iam-factory";
import { allowPrincipal, policy } from "@/lib/policy/testing/policy-factory";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run, statuses } from "../../testing/run-check";
import { ok, snapshot } from "../../testing/snapshot-factory";
import { rolesShortSessions } from "./check";

const trustRole = (name: string, statement: ReturnType<typeof allowPrincipal>, overrides: Parameters<typeof iamRole>[1] = {}) =>
  iamRole(name, { assumeRolePolicyDocument: policy(statement), ...overrides });
const human = allowPrincipal({ AWS: `arn:aws:iam::${TEST_ACCOUNT_ID}:root` }, "sts:AssumeRole");
const judge = (...roles: ReturnType<typeof iamRole>[]) => run(rolesShortSessions, snapshot({ "iam.authorizationDetails": ok(authorizationDetails({ roles })) }));

describe("roles.short-sessions", () => {
  it("judges human-assumable roles only, with IAM's one-hour default", () => {
    const details = authorizationDetails({
      roles: [
        trustRole("default-session", human),
        trustRole("twelve-hours", human, { maxSessionDuration: 43200 }),
        trustRole("saml", allowPrincipal({ Federated: `arn:aws:iam::${TEST_ACCOUNT_ID}:saml-provider/okta` }, "sts:AssumeRoleWithSAML"), { maxSessionDuration: 7200 }),
        iamRole("service", { maxSessionDuration: 43200 }),
      ],
    });
    expect(statuses(run(rolesShortSessions, snapshot({ "iam.authorizationDetails": ok(details) })))).toEqual([
      ["default-session", "pass"],
      ["twelve-hours", "fail"],
      ["saml", "fail"],
    ]);
  });

  it("shows the session length in hours, marked when over the limit, and who may assume the role", () => {
    const finding = only(judge(trustRole("twelve-hours", human, { maxSessionDuration: 43200 })));
    const blocks = rolesShortSessions.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Role people can assume",
        rows: [
          { label: "Role", value: `arn:aws:iam::${TEST_ACCOUNT_ID}:role/twelve-hours`, verbatim: true },
          { label: "Longest session it allows", value: "12 hours", mark: true },
          { label: "Limit", value: "1 hour" },
          { label: "People may assume it through", value: `arn:aws:iam::${TEST_ACCOUNT_ID}:root`, verbatim: true },
        ],
      },
    ]);
    expect(rolesShortSessions.describeEvidence?.(only(judge(trustRole("short", human))).evidence)?.[0]).toMatchObject({ rows: [{}, { value: "1 hour", mark: false }, {}, {}] });
    expect(renderedText(blocks)).not.toMatch(/maxSessionDuration|humanPrincipals/);
  });

  it("says in words why a trust policy could not be read", () => {
    const finding = only(judge(iamRole("broken", { assumeRolePolicyDocument: { $malformed: true, raw: "", error: "bad" } })));
    expect(finding).toMatchObject({ status: "unknown", evidence: { error: "malformed_json" } });
    expect(rolesShortSessions.describeEvidence?.(finding.evidence)?.[0]).toMatchObject({
      title: "Trust policy",
      rows: [{ label: "Role", verbatim: true }, { label: "Could not be read", value: "the trust policy is not valid JSON", mark: true }],
    });
  });

  it("says the current session length from the typed evidence in its remediation", () => {
    const finding = only(judge(trustRole("analysts", human, { maxSessionDuration: 28800 })));
    expect(rolesShortSessions.remediation?.(remediationTarget(finding))?.summary).toBe("Lower the maximum session of analysts to 1 hour (now 8 hours).");
  });
});
