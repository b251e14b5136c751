/**
 * The IAM checks with the account's service control policies: what an SCP denies, or fails to
 * allow, no identity policy grants; and when the SCPs could not be read, every IAM check's
 * evidence says they were not considered and why, in a person's words.
 */
import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/policy/admin";
import { attached, authorizationDetails, iamUser, inline, managedPolicy } from "@/lib/policy/testing/iam-factory";
import { allow, deny, policy } from "@/lib/policy/testing/policy-factory";
import type { AuthorizationDetails, ServiceControlPolicies, ServiceControlPolicyTargetLevel } from "@/lib/snapshot/schema";
import { adminsCount } from "./exercise-03/admins.count/check";
import { policiesPrivilegeEscalation } from "./exercise-05/policies.privilege-escalation/check";
import { only, run } from "./testing/run-check";
import { failed, ok, snapshot, TEST_ACCOUNT_ID } from "./testing/snapshot-factory";

const adminAccess = managedPolicy(ADMINISTRATOR_ACCESS_ARN, policy(allow("*")));
const admin = (name: string) => iamUser(name, { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] });
const fullAwsAccess = { policyId: "p-FullAWSAccess", policyName: "FullAWSAccess", awsManaged: true, document: policy(allow("*")) };

function level(targetType: ServiceControlPolicyTargetLevel["targetType"], targetName: string, ...extra: Array<{ name: string; document: unknown }>): ServiceControlPolicyTargetLevel {
  const targetId = targetType === "ROOT" ? "r-ab12" : targetType === "ACCOUNT" ? TEST_ACCOUNT_ID : `ou-ab12-${targetName.toLowerCase()}`;
  const policies = extra.map((entry, index) => ({ policyId: `p-custom${index}`, policyName: entry.name, awsManaged: false, document: entry.document }));
  return { targetId, targetType, targetName, policies: [fullAwsAccess, ...policies] };
}

/** Root › OU Production › account, FullAWSAccess everywhere plus what the OU adds. */
function readScps(ouPolicies: Array<{ name: string; document: unknown }>, ouReplacesFullAccess = false): ServiceControlPolicies {
  const ou = level("ORGANIZATIONAL_UNIT", "Production", ...ouPolicies);
  return {
    answer: "read",
    organizationId: "o-exampleorgid",
    levels: [level("ROOT", "Root"), ouReplacesFullAccess ? { ...ou, policies: ou.policies.slice(1) } : ou, level("ACCOUNT", TEST_ACCOUNT_ID)],
  };
}

const withScps = (details: AuthorizationDetails, scps: ServiceControlPolicies | ReturnType<typeof failed>) =>
  snapshot({ "iam.authorizationDetails": ok(details), "organizations.serviceControlPolicies": "status" in scps ? scps : ok(scps) });

const threeAdmins = authorizationDetails({ users: [admin("a"), admin("b"), admin("c")], policies: [adminAccess] });

describe("admins.count with service control policies", () => {
  it("counts nobody as admin when an SCP on their OU denies every action", () => {
    const finding = only(run(adminsCount, withScps(threeAdmins, readScps([{ name: "Quarantine", document: policy(deny("*")) }]))));
    expect(finding.status).toBe("pass");
    expect(finding.evidence).toMatchObject({
      adminUsers: [],
      serviceControlPolicies: "considered",
      serviceControlPoliciesNote: "Service control policies were considered, from the organization root › OU Production › account 111122223333.",
    });
  });

  it("counts nobody as admin when the OU's SCPs allow only some services (an allow list instead of FullAWSAccess)", () => {
    const allowList = readScps([{ name: "AllowStorageOnly", document: policy(allow(["s3:*", "ec2:*"])) }], true);
    expect(only(run(adminsCount, withScps(threeAdmins, allowList))).status).toBe("pass");
  });

  it("still counts admins when the SCPs only take part of their rights away (Deny iam:* leaves every other action)", () => {
    const finding = only(run(adminsCount, withScps(threeAdmins, readScps([{ name: "DenyIam", document: policy(deny("iam:*")) }]))));
    expect(finding.status).toBe("fail");
    expect(finding.evidence).toMatchObject({ serviceControlPolicies: "considered" });
  });

  it("fails as before when the SCPs were not readable, and says why they were not considered", () => {
    const notReadable: ServiceControlPolicies = {
      answer: "not_readable",
      code: "AccountNotManagementOrDelegatedAdministratorException",
      reason: "iamfit reads the organization from an account that is neither its management account nor a delegated administrator, so it cannot see which service control policies apply.",
    };
    const finding = only(run(adminsCount, withScps(threeAdmins, notReadable)));
    expect(finding.status).toBe("fail");
    expect(finding.evidence).toMatchObject({
      serviceControlPolicies: "not considered",
      serviceControlPoliciesNote: `Service control policies were not considered: ${notReadable.reason}`,
    });
  });

  it("says SCPs were not considered, and that they could not be collected, when the part failed", () => {
    const finding = only(run(adminsCount, withScps(threeAdmins, failed("organizations:ListParents", "ThrottlingException"))));
    expect(finding.evidence).toMatchObject({ serviceControlPolicies: "not considered" });
    expect(String((finding.evidence as Record<string, unknown>).serviceControlPoliciesNote)).toMatch(/^Service control policies were not considered: they could not be collected \(.*ThrottlingException/);
  });

  it("considers SCPs in the management account, where they restrict nobody", () => {
    const finding = only(run(adminsCount, withScps(threeAdmins, { answer: "management_account", organizationId: "o-exampleorgid" })));
    expect(finding.status).toBe("fail");
    expect(finding.evidence).toMatchObject({ serviceControlPolicies: "considered", serviceControlPoliciesNote: "Service control policies were considered: they never restrict the management account." });
  });
});

describe("policies.privilege-escalation with service control policies", () => {
  const details = authorizationDetails({
    users: [iamUser("policy-editor", { inlinePolicies: [inline("edit-policies", policy(allow(["iam:CreatePolicyVersion", "iam:ListPolicies"])))] })],
  });

  it("passes a user whose only escalation path an OU's SCP denies", () => {
    const guarded = readScps([{ name: "DenyIamCredentialChanges", document: policy(deny(["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:CreateAccessKey"])) }]);
    expect(only(run(policiesPrivilegeEscalation, withScps(details, guarded))).status).toBe("pass");
    const unguarded = readScps([{ name: "DenyLeaveOrganization", document: policy(deny("organizations:LeaveOrganization")) }]);
    expect(only(run(policiesPrivilegeEscalation, withScps(details, unguarded))).status).toBe("fail");
  });

  it("fails it when the SCPs were not readable, saying they were not considered", () => {
    const finding = only(run(policiesPrivilegeEscalation, withScps(details, { answer: "not_readable", code: "AccessDeniedException", reason: "iamfit may not read them." })));
    expect(finding.status).toBe("fail");
    expect(finding.evidence).toMatchObject({ serviceControlPolicies: "not considered", serviceControlPoliciesNote: "Service control policies were not considered: iamfit may not read them." });
  });

  it("does not consider SCPs at all when one of them does not parse, rather than half of them", () => {
    const broken = readScps([{ name: "Broken", document: { $malformed: true, raw: "{", error: "Unexpected end of JSON input" } }]);
    const finding = only(run(policiesPrivilegeEscalation, withScps(details, broken)));
    expect(finding.status).toBe("fail");
    expect(finding.evidence).toMatchObject({ serviceControlPolicies: "not considered" });
    expect(String((finding.evidence as Record<string, unknown>).serviceControlPoliciesNote)).toMatch(/^Service control policies were not considered: policy Broken on OU Production could not be read/);
  });
});
