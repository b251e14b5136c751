import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN } from "./admin";
import { effectiveAdminPrincipals } from "./effective-admin";
import {
  attached,
  authorizationDetails,
  awsPolicyArn,
  customerPolicyArn,
  iamGroup,
  iamRole,
  iamUser,
  inline,
  managedPolicy,
  roleArn,
  TEST_ACCOUNT_ID,
  userArn,
} from "./testing/iam-factory";
import { allow, allowNotAction, allowPrincipal, deny, MFA_PRESENT, policy } from "./testing/policy-factory";

const adminAccess = managedPolicy(ADMINISTRATOR_ACCESS_ARN, policy(allow("*")));
const readOnly = managedPolicy(awsPolicyArn("ReadOnlyAccess"), policy(allow(["s3:Get*", "ec2:Describe*"])));
const starStar = managedPolicy(customerPolicyArn("everything"), policy(allow("*:*")));

describe("effectiveAdminPrincipals: users", () => {
  it.each([
    ["AdministratorAccess attached directly", iamUser("u", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] }), [], "admin", "direct"],
    ["a customer policy granting *:*", iamUser("u", { attachedManagedPolicies: [attached(starStar.arn)] }), [], "admin", "direct"],
    ["an inline Allow * on *", iamUser("u", { inlinePolicies: [inline("all", policy(allow("*")))] }), [], "admin", "direct"],
    ["an inline Allow NotAction on *", iamUser("u", { inlinePolicies: [inline("most", policy(allowNotAction("iam:*")))] }), [], "admin", "direct"],
    [
      "a group with AdministratorAccess attached",
      iamUser("u", { groups: ["admins"] }),
      [iamGroup("admins", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] })],
      "admin",
      "group",
    ],
    [
      "a group with an inline admin policy",
      iamUser("u", { groups: ["ops"] }),
      [iamGroup("ops", { inlinePolicies: [inline("ops-all", policy(allow("*")))] })],
      "admin",
      "group",
    ],
    ["read-only access", iamUser("u", { attachedManagedPolicies: [attached(readOnly.arn)] }), [], "not_admin", undefined],
    ["no policies", iamUser("u"), [], "not_admin", undefined],
  ])("a user with %s is %s", (_, user, groups, status, via) => {
    const result = effectiveAdminPrincipals(authorizationDetails({ users: [user], groups, policies: [adminAccess, readOnly, starStar] }));
    expect(result.users[0]?.status).toBe(status);
    expect(result.users[0]?.paths[0]?.source.via).toBe(via);
  });

  it("reports the path through a group with group and policy names for evidence", () => {
    const details = authorizationDetails({
      users: [iamUser("alice", { groups: ["admins"] })],
      groups: [iamGroup("admins", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] })],
      policies: [adminAccess],
    });
    expect(effectiveAdminPrincipals(details).users[0]?.paths).toEqual([
      {
        source: { via: "group", attachment: "managed", groupName: "admins", policyName: "AdministratorAccess", policyArn: ADMINISTRATOR_ACCESS_ARN },
        kind: "administrator_access_arn",
        conditional: false,
      },
    ]);
  });

  it("does not count an admin policy cancelled by an unconditional Deny * in another policy", () => {
    const user = iamUser("u", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)], inlinePolicies: [inline("lock", policy(deny("*")))] });
    const result = effectiveAdminPrincipals(authorizationDetails({ users: [user], policies: [adminAccess] }));
    expect(result.users[0]).toMatchObject({ status: "not_admin", cancelledBy: { source: { policyName: "lock" } } });
  });

  it("does not count an admin whose permissions boundary allows only S3", () => {
    const boundary = managedPolicy(customerPolicyArn("s3-only"), policy(allow("s3:*")));
    const user = iamUser("u", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)], permissionsBoundaryArn: boundary.arn });
    const result = effectiveAdminPrincipals(authorizationDetails({ users: [user], policies: [adminAccess, boundary] }));
    expect(result.users[0]).toMatchObject({ status: "not_admin", limitedByBoundary: boundary.arn });
  });

  it("counts a conditional admin grant (MFA required) as admin, marked conditional", () => {
    const user = iamUser("u", { inlinePolicies: [inline("mfa-all", policy(allow("*", "*", { Condition: MFA_PRESENT })))] });
    const result = effectiveAdminPrincipals(authorizationDetails({ users: [user] }));
    expect(result.users[0]).toMatchObject({ status: "admin", paths: [{ conditional: true, kind: "full_wildcard" }] });
  });

  it("is undetermined, not 'not admin', when a policy of the user is malformed", () => {
    const user = iamUser("u", { inlinePolicies: [inline("broken", { $malformed: true, raw: "%7B", error: "Unexpected end" })] });
    const result = effectiveAdminPrincipals(authorizationDetails({ users: [user] }));
    expect(result.users[0]).toMatchObject({ status: "undetermined", unreadable: [{ source: { policyName: "broken" }, error: { kind: "malformed_json" } }] });
  });

  it("is undetermined when an attached managed policy's document was not collected", () => {
    const user = iamUser("u", { attachedManagedPolicies: [attached(customerPolicyArn("ghost"))] });
    expect(effectiveAdminPrincipals(authorizationDetails({ users: [user] })).users[0]?.status).toBe("undetermined");
  });

  it("is admin when one policy grants admin even though another is malformed", () => {
    const user = iamUser("u", {
      attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)],
      inlinePolicies: [inline("broken", { $malformed: true, raw: "x", error: "bad" })],
    });
    expect(effectiveAdminPrincipals(authorizationDetails({ users: [user] })).users[0]?.status).toBe("admin");
  });
});

describe("effectiveAdminPrincipals: roles and role chains", () => {
  const trustAccount = policy(allowPrincipal({ AWS: `arn:aws:iam::${TEST_ACCOUNT_ID}:root` }, "sts:AssumeRole"));
  const adminRole = iamRole("admin", { assumeRolePolicyDocument: trustAccount, attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] });

  it("finds admin roles", () => {
    const result = effectiveAdminPrincipals(authorizationDetails({ roles: [adminRole, iamRole("app")], policies: [adminAccess] }));
    expect(result.roles.map((role) => [role.name, role.status])).toEqual([
      ["admin", "admin"],
      ["app", "not_admin"],
    ]);
  });

  it("reports a user who can assume an admin role trusted via the account root, with the identity Allow", () => {
    const user = iamUser("bob", { inlinePolicies: [inline("assume", policy(allow("sts:AssumeRole", roleArn("admin"))))] });
    const result = effectiveAdminPrincipals(authorizationDetails({ users: [user], roles: [adminRole], policies: [adminAccess] }));
    expect(result.users[0]?.status).toBe("not_admin");
    expect(result.roleChains).toEqual([
      {
        userArn: userArn("bob"),
        userName: "bob",
        adminRoleArn: roleArn("admin"),
        chain: [
          expect.objectContaining({
            roleArn: roleArn("admin"),
            permission: [expect.objectContaining({ source: expect.objectContaining({ policyName: "assume" }) })],
          }),
        ],
      },
    ]);
  });

  it("reports no chain when the trust names the account but the user has no sts:AssumeRole Allow", () => {
    const result = effectiveAdminPrincipals(authorizationDetails({ users: [iamUser("bob")], roles: [adminRole], policies: [adminAccess] }));
    expect(result.roleChains).toEqual([]);
  });

  it("reports a chain when the trust policy names the user itself, without an identity Allow", () => {
    const role = iamRole("admin", {
      assumeRolePolicyDocument: policy(allowPrincipal({ AWS: userArn("carol") }, "sts:AssumeRole")),
      inlinePolicies: [inline("all", policy(allow("*")))],
    });
    const result = effectiveAdminPrincipals(authorizationDetails({ users: [iamUser("carol"), iamUser("dave")], roles: [role] }));
    expect(result.roleChains.map((chain) => chain.userName)).toEqual(["carol"]);
    expect(result.roleChains[0]?.chain[0]?.permission).toBeUndefined();
  });

  it("follows a two-hop chain user → role → admin role", () => {
    const hop = iamRole("hop", {
      assumeRolePolicyDocument: policy(allowPrincipal({ AWS: userArn("erin") }, "sts:AssumeRole")),
      inlinePolicies: [inline("next", policy(allow("sts:AssumeRole", "arn:aws:iam::*:role/*")))],
    });
    const target = iamRole("admin", {
      assumeRolePolicyDocument: policy(allowPrincipal({ AWS: roleArn("hop") }, "sts:AssumeRole")),
      attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)],
    });
    const result = effectiveAdminPrincipals(authorizationDetails({ users: [iamUser("erin")], roles: [hop, target], policies: [adminAccess] }));
    expect(result.roleChains[0]?.chain.map((step) => step.roleName)).toEqual(["hop", "admin"]);
  });

  it("does not report chains for users who are admin already", () => {
    const user = iamUser("root-like", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] });
    const result = effectiveAdminPrincipals(authorizationDetails({ users: [user], roles: [adminRole], policies: [adminAccess] }));
    expect(result.roleChains).toEqual([]);
  });

  it("derives the account id from the ARNs when not given", () => {
    expect(effectiveAdminPrincipals(authorizationDetails({ users: [iamUser("x")] })).accountId).toBe(TEST_ACCOUNT_ID);
  });
});
