/**
 * A workload on EC2 gets temporary credentials from a role in an instance profile; the SDKs and
 * the CLI find them on their own, so keys in files can go.
 */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { assignVariable, aws, shellVariable } from "@/lib/remediation/shell";
import { quotedString } from "@/lib/remediation/steps/snippet-strings";
import { instanceIdOf, regionOf } from "@/lib/remediation/steps/target-names";
import type { InstanceProfileEvidence } from "./evidence";

export const EC2_TRUST_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
};

export function attachInstanceProfileSteps(target: RemediationTarget, evidence: InstanceProfileEvidence | null): RemediationSteps {
  const instanceId = evidence?.instanceId ?? instanceIdOf(target);
  const region = regionOf(target);
  const role = shellVariable("ROLE_NAME");
  return {
    summary: `Give instance ${instanceId} (${region}) an instance profile with a role that allows only what its application needs.`,
    console: [
      "IAM console → Roles → Create role → AWS service: EC2; attach the policies the application needs; name it after the application.",
      `EC2 console (${region}) → Instances → ${instanceId} → Actions → Security → Modify IAM role → choose the role → Update IAM role.`,
      "Remove any access keys from the instance's files and environment once the application uses the role.",
    ],
    commands: [
      assignVariable("Set ROLE_NAME to a name for the application's role.", "ROLE_NAME", "<app>-ec2"),
      aws("Create the role EC2 may assume (save the trust policy below as ec2-trust.json).", "iam", "create-role", {
        "role-name": role,
        "assume-role-policy-document": "file://ec2-trust.json",
      }),
      aws("Give it the application's permissions (its own narrow policy in app-policy.json).", "iam", "put-role-policy", {
        "role-name": role,
        "policy-name": "app",
        "policy-document": "file://app-policy.json",
      }),
      aws("Create an instance profile of the same name…", "iam", "create-instance-profile", { "instance-profile-name": role }),
      aws("…and put the role in it.", "iam", "add-role-to-instance-profile", { "instance-profile-name": role, "role-name": role }),
      aws(`Attach the profile to ${instanceId}; no restart is needed.`, "ec2", "associate-iam-instance-profile", {
        region,
        "instance-id": instanceId,
        "iam-instance-profile": shellVariable("ROLE_NAME", "Name="),
      }),
    ],
    snippets: [
      { title: "ec2-trust.json", language: "json", code: JSON.stringify(EC2_TRUST_POLICY, null, 2) },
      {
        title: "CloudFormation",
        language: "yaml",
        code: [
          "AppRole:",
          "  Type: AWS::IAM::Role",
          "  Properties:",
          "    AssumeRolePolicyDocument:",
          "      Version: '2012-10-17'",
          "      Statement:",
          "        - Effect: Allow",
          "          Principal: { Service: ec2.amazonaws.com }",
          "          Action: sts:AssumeRole",
          "    Policies: [] # the application's narrow policy",
          "AppInstanceProfile:",
          "  Type: AWS::IAM::InstanceProfile",
          "  Properties:",
          "    Roles: [!Ref AppRole]",
          `# then on the instance (${quotedString(instanceId)}): IamInstanceProfile: !Ref AppInstanceProfile`,
        ].join("\n"),
      },
    ],
    care: [
      "An instance has one instance profile: if associate-iam-instance-profile says one is attached already, use replace-iam-instance-profile-association.",
      "Keys left in files keep working until they are deactivated; retire them once the application runs on the role.",
    ],
  };
}
