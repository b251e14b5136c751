import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN } from "@/lib/policy/admin";
import { attached, authorizationDetails, iamRole, inline, managedPolicy, roleArn } from "@/lib/policy/testing/iam-factory";
import { allow, allowNotAction, policy } from "@/lib/policy/testing/policy-factory";
import { renderCliCommand } from "@/lib/remediation/shell";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run, statuses } from "../../testing/run-check";
import { ok, snapshot } from "../../testing/snapshot-factory";
import { ec2RoleNotAdmin } from "./check";

const adminAccess = managedPolicy(ADMINISTRATOR_ACCESS_ARN, policy(allow("*")));

describe("ec2.role-not-admin", () => {
  it("judges only roles with an instance profile", () => {
    const profile = ["arn:aws:iam::111122223333:instance-profile/p"];
    const details = authorizationDetails({
      roles: [
        iamRole("admin-instance", { instanceProfileArns: profile, attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] }),
        iamRole("web", { instanceProfileArns: profile, inlinePolicies: [inline("s3", policy(allow("s3:GetObject", "arn:aws:s3:::assets/*")))] }),
        iamRole("broken", { instanceProfileArns: profile, inlinePolicies: [inline("x", { $malformed: true, raw: "", error: "bad" })] }),
        iamRole("lambda-admin", { attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)] }),
      ],
      policies: [adminAccess],
    });
    expect(statuses(run(ec2RoleNotAdmin, snapshot({ "iam.authorizationDetails": ok(details) })))).toEqual([
      ["admin-instance", "fail"],
      ["web", "pass"],
      ["broken", "unknown"],
    ]);
  });
});

describe("ec2.role-not-admin evidence", () => {
  const profile = "arn:aws:iam::111122223333:instance-profile/web";
  const role = iamRole("web", { instanceProfileArns: [profile], attachedManagedPolicies: [attached(ADMINISTRATOR_ACCESS_ARN)], inlinePolicies: [inline("almost", policy(allowNotAction("iam:*")))] });
  const finding = () => only(run(ec2RoleNotAdmin, snapshot({ "iam.authorizationDetails": ok(authorizationDetails({ roles: [role], policies: [adminAccess] })) })));

  it("shows each admin statement with its policy, the role it is attached to, and what it grants in words", () => {
    const blocks = ec2RoleNotAdmin.describeEvidence?.(finding().evidence) ?? [];
    expect(blocks[0]).toEqual({
      kind: "facts",
      title: "Instance role",
      rows: [
        { label: "Role", value: roleArn("web"), verbatim: true },
        { label: "Instance profiles", value: profile, verbatim: true },
      ],
    });
    expect(blocks[1]).toMatchObject({
      kind: "table",
      rows: [
        [{ text: "AdministratorAccess", verbatim: true }, { text: "AWS's AdministratorAccess: every action on every resource", mark: true }],
        [{ text: "almost", verbatim: true }, { text: "Grants every action except those under NotAction, on every resource", mark: true }],
      ],
    });
    expect(blocks[3]).toMatchObject({ kind: "statement", policyName: "almost", attachedTo: [roleArn("web")], title: "Statement 1: grants every action except those under NotAction, on every resource" });
    const marked = blocks[3]?.kind === "statement" ? blocks[3].lines.flat().filter((part) => part.mark).map((part) => part.text) : [];
    expect(marked).toEqual(['"NotAction"', '"iam:*"', '"*"']);
    expect(renderedText(blocks)).not.toMatch(/not_action|administrator_access_arn/);
  });

  it("removes the admin policies the typed evidence names", () => {
    const steps = ec2RoleNotAdmin.remediation?.(remediationTarget(finding()));
    expect(steps?.summary).toBe("Replace the administrator rights of instance role web (from AdministratorAccess, almost) with a policy for what its instances do.");
    expect(steps?.commands.map(renderCliCommand)).toEqual(
      expect.arrayContaining([`aws iam detach-role-policy --role-name web --policy-arn ${ADMINISTRATOR_ACCESS_ARN}`, "aws iam delete-role-policy --role-name web --policy-name almost"]),
    );
  });

  it("falls back to the role named in the resource id when the evidence is not at hand", () => {
    const steps = ec2RoleNotAdmin.remediation?.({ ...remediationTarget(finding()), evidence: null });
    expect(steps?.summary).toBe("Replace the administrator rights of instance role web with a policy for what its instances do.");
    expect(steps?.commands.map(renderCliCommand)).toContain("aws iam put-role-policy --role-name web --policy-name app --policy-document file://app-policy.json");
  });
});
