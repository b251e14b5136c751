import { describe, expect, it } from "vitest";
import { assignment, identityCenter, permissionSet, setArn } from "@/lib/checks/testing/identity-center-factory";
import type { IdentityCenterFacts } from "@/lib/db/identity-center-overview";
import { identityCenterOverview, managementAccountFromArn, type IdentityCenterOverview } from "./overview";

const MANAGEMENT = "999900001111";
const PROD = "111100002222";
const DEV = "111100003333";
const orgArn = (id: string) => `arn:aws:organizations::${MANAGEMENT}:account/o-abc123/${id}`;

function facts(overrides: Partial<IdentityCenterFacts> = {}): IdentityCenterFacts {
  return {
    instances: [],
    linkedAccounts: [
      { awsAccountId: MANAGEMENT, name: "management" },
      { awsAccountId: PROD, name: "prod" },
    ],
    organizationAccounts: [MANAGEMENT, PROD, DEV].map((id) => ({ awsAccountId: id, name: `org-${id}`, arn: orgArn(id) })),
    answers: [],
    adminVerdicts: [],
    ...overrides,
  };
}

function read(overview: IdentityCenterOverview) {
  if (overview.state !== "read") throw new Error(`expected an instance, got ${overview.state}`);
  return overview.instances[0]!;
}

const instance = identityCenter({
  permissionSets: [
    permissionSet("Admin", { sessionDuration: "PT12H", awsManagedPolicies: [{ policyName: "AdministratorAccess", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }] }),
    permissionSet("Custom", {
      sessionDuration: "PT4H",
      customerManagedPolicies: [{ name: "deploy", path: "/ci/" }],
      permissionsBoundary: { managedPolicyArn: "arn:aws:iam::aws:policy/PowerUserAccess" },
    }),
    permissionSet("Reader", { awsManagedPolicies: [{ policyName: "ReadOnlyAccess", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }] }),
    permissionSet("Unused", { sessionDuration: "P1D" }),
  ],
  assignments: [
    assignment("Admin", "GROUP", "g-eng", PROD),
    assignment("Custom", "USER", "u-cy", PROD),
    assignment("Custom", "USER", "u-cy", DEV),
    assignment("Reader", "GROUP", "g-eng", PROD),
    assignment("Reader", "USER", "u-ada", PROD),
  ],
});

describe("the organization's IAM Identity Center overview", () => {
  it("says which account holds the instance and whether it is the management account", () => {
    const view = read(identityCenterOverview(facts({ instances: [{ instance, readAt: new Date(0) }] })));
    expect(view).toMatchObject({ region: "us-east-1", holder: { awsAccountId: MANAGEMENT, name: "management", linked: true }, holderIsManagement: true, people: 3, groups: 1 });
    const delegated = read(identityCenterOverview(facts({ instances: [{ instance: { ...instance, readInAccountId: PROD }, readAt: new Date(0) }] })));
    expect(delegated.holderIsManagement).toBe(false);
    const noOrganization = read(identityCenterOverview(facts({ organizationAccounts: [], instances: [{ instance, readAt: new Date(0) }] })));
    expect(noOrganization.holderIsManagement).toBeNull();
    // The holder's own snapshot says it, even when no organization was discovered.
    const ownWord = (organizationRole: "management" | "member") =>
      read(identityCenterOverview(facts({ organizationAccounts: [], instances: [{ instance, readAt: new Date(0) }], answers: [{ awsAccountId: MANAGEMENT, outcome: "instance_here", code: null, api: null, organizationRole }] }))).holderIsManagement;
    expect(ownWord("management")).toBe(true);
    expect(ownWord("member")).toBe(false);
  });

  it("describes each permission set's policies, session and assignments in words, with group sizes", () => {
    const view = read(identityCenterOverview(facts({ instances: [{ instance, readAt: new Date(0) }] })));
    const byName = Object.fromEntries(view.permissionSets.map((set) => [set.name, set]));
    expect(view.permissionSets.map((set) => set.name)).toEqual(["Admin", "Custom", "Reader", "Unused"]);
    expect(byName.Admin).toMatchObject({ awsManagedPolicies: ["AdministratorAccess"], session: "12 hours", sessionTooLong: true, groupCount: 1, userCount: 0 });
    expect(byName.Admin!.accounts).toEqual([{ awsAccountId: PROD, name: "prod", linked: true, principals: [{ type: "GROUP", name: "engineers", members: 2 }] }]);
    expect(byName.Custom).toMatchObject({ customerManagedPolicies: ["ci/deploy"], boundary: "AWS managed policy PowerUserAccess", session: "4 hours", sessionTooLong: false, userCount: 1 });
    // An account only the organization knows (not linked) keeps its organization name, without a link.
    expect(byName.Custom!.accounts.map((account) => [account.name, account.linked])).toEqual([
      ["org-111100003333", false],
      ["prod", true],
    ]);
    expect(byName.Reader).toMatchObject({ session: "1 hour", sessionDefault: true, sessionTooLong: false });
    expect(byName.Reader!.accounts[0]!.principals).toEqual([
      { type: "GROUP", name: "engineers", members: 2 },
      { type: "USER", name: "Ada Lovelace", members: null },
    ]);
    expect(byName.Unused).toMatchObject({ accounts: [], sessionTooLong: null, session: "P1D" });
  });

  it("repeats the per-account verdicts on administrator rights, and never says 'not administrator' unjudged", () => {
    const verdicts = [{ awsAccountId: PROD, adminSetArns: [setArn("Admin")], undeterminedSetNames: ["Custom"] }];
    const view = read(identityCenterOverview(facts({ instances: [{ instance, readAt: new Date(0) }], adminVerdicts: verdicts })));
    const admin = Object.fromEntries(view.permissionSets.map((set) => [set.name, set.admin]));
    expect(admin).toEqual({
      Admin: { kind: "admin", accounts: 1 },
      Custom: { kind: "undetermined", accounts: 1 },
      Reader: { kind: "not_admin", accounts: 1 },
      Unused: { kind: "not_judged" },
    });
    const unjudged = read(identityCenterOverview(facts({ instances: [{ instance, readAt: new Date(0) }] })));
    // AdministratorAccess grants admin on its face even before any account was judged.
    expect(unjudged.permissionSets.map((set) => set.admin.kind)).toEqual(["admin_on_its_face", "not_judged", "not_judged", "not_judged"]);
  });

  it("says the holding account's latest read failed while showing the last instance it read", () => {
    const answers = [{ awsAccountId: MANAGEMENT, outcome: "error" as const, code: "ThrottlingException", api: "sso:ListPermissionSets", organizationRole: null }];
    expect(read(identityCenterOverview(facts({ instances: [{ instance, readAt: new Date(0) }], answers }))).latestProblem).toEqual({ code: "ThrottlingException", api: "sso:ListPermissionSets" });
  });

  it("says why nothing could be read: not collected, access denied, another error, not enabled, or held elsewhere", () => {
    expect(identityCenterOverview(facts({ linkedAccounts: [] }))).toEqual({ state: "no_accounts" });
    expect(identityCenterOverview(facts())).toEqual({ state: "unread", why: { reason: "not_collected" } });
    const denied = identityCenterOverview(
      facts({
        answers: [
          { awsAccountId: MANAGEMENT, outcome: "error", code: "AccessDeniedException", api: "sso:ListInstances", organizationRole: null },
          { awsAccountId: PROD, outcome: "error", code: "ThrottlingException", api: "sso:ListInstances", organizationRole: null },
        ],
      }),
    );
    expect(denied).toMatchObject({ state: "unread", why: { reason: "access_denied", api: "sso:ListInstances", accounts: [{ awsAccountId: MANAGEMENT }] } });
    const throttled = identityCenterOverview(facts({ answers: [{ awsAccountId: MANAGEMENT, outcome: "error", code: "ThrottlingException", api: "sso:ListInstances", organizationRole: null }] }));
    expect(throttled).toMatchObject({ why: { reason: "error", code: "ThrottlingException" } });
    const everyoneAnswered = [MANAGEMENT, PROD, DEV].map((id) => ({ awsAccountId: id, outcome: "no_instance" as const, code: null, api: null, organizationRole: null }));
    expect(identityCenterOverview(facts({ answers: everyoneAnswered }))).toMatchObject({ why: { reason: "no_instance", managementAnswered: true, uncollected: 0 } });
    const someAnswered = identityCenterOverview(facts({ answers: [{ awsAccountId: PROD, outcome: "no_instance", code: null, api: null, organizationRole: null }] }));
    expect(someAnswered).toMatchObject({ why: { reason: "no_instance", managementAnswered: false, uncollected: 2, managementAccount: { awsAccountId: MANAGEMENT } } });
  });

  it("reads the management account from an Organizations account ARN", () => {
    expect(managementAccountFromArn(orgArn(PROD))).toBe(MANAGEMENT);
    expect(managementAccountFromArn("arn:aws-us-gov:organizations::123456789012:account/o-x/210987654321")).toBe("123456789012");
    expect(managementAccountFromArn("not an arn")).toBeNull();
  });
});
