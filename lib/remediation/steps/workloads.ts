/**
 * Exercise 4, "Use Roles for EC2" (seed 001): workloads get temporary credentials from a role
 * instead of keys in files; the SDKs and the CLI find instance-profile credentials on their own.
 */
import type { RemediationBuilder } from "../content";
import { assignVariable, aws, shellVariable, type CliCommand } from "../shell";
import { CHECK_CLOUDTRAIL_FIRST, DEACTIVATE_BEFORE_DELETE, keyFacts, retireKeyCommands } from "./access-keys";
import { removeAdminPathCommand } from "./policies";
import { quotedString } from "./snippet-strings";
import { evidenceArray, evidenceRecord, instanceIdOf, regionOf, roleNameOf, userNameOf } from "./target-names";

export const EC2_TRUST_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
};

export const ec2InstanceProfile: RemediationBuilder = (target) => {
  const instanceId = instanceIdOf(target);
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
};

export const usersWorkloadKeys: RemediationBuilder = (target) => {
  const userName = userNameOf(target);
  const evidence = evidenceRecord(target.evidence);
  const slots = ([1, 2] as const).filter((slot) => evidence[`access_key_${slot}_active`] === true);
  const services = slots.map((slot) => evidence[`access_key_${slot}_last_used_service`]).filter((service) => typeof service === "string" && service !== "N/A");
  const first = slots[0];
  return {
    summary: `Move the workload that uses ${userName}'s access keys to an IAM role, then retire the keys${services.length ? ` (last used for ${services.join(", ")})` : ""}.`,
    console: [
      "Find where the keys live (CloudTrail Event history → filter by User name shows the source IPs and user agents).",
      "Create a role for that workload: an instance profile on EC2, a task or execution role on ECS and Lambda, IAM Roles Anywhere or OIDC federation outside AWS.",
      "Deploy the workload with the role and remove the keys from its configuration.",
      `IAM console → Users → ${userName} → Security credentials: deactivate the keys, later delete them, and finally the user.`,
    ],
    commands: [
      ...retireKeyCommands({ userName, slot: first, ...keyFacts(target, first) }, { withDelete: true }),
      ...(slots.length > 1 ? [aws(`${userName} has a second active key: repeat the steps above for it.`, "iam", "list-access-keys", { "user-name": userName })] : []),
    ],
    snippets: [],
    care: [CHECK_CLOUDTRAIL_FIRST, DEACTIVATE_BEFORE_DELETE, "Switch the workload to the role before deactivating, or it stops working."],
  };
};

export const ec2RoleNotAdmin: RemediationBuilder = (target) => {
  const roleName = roleNameOf(target);
  const paths = evidenceArray(target.evidence, "adminPaths").map((path) => evidenceRecord(path));
  const removals = paths.map((path) => removeAdminPathCommand({ type: "role", name: roleName }, path)).filter((command): command is CliCommand => command !== undefined);
  return {
    summary: `Replace the administrator rights of instance role ${roleName} with a policy for what its instances do.`,
    console: [
      `IAM console → Roles → ${roleName} → Last accessed: the services its instances really use.`,
      "Permissions → Add permissions → Create inline policy for those services and resources only.",
      "Then remove AdministratorAccess and any other admin policy from the role.",
    ],
    commands: [
      aws("Start a report of the services the role used…", "iam", "generate-service-last-accessed-details", { arn: target.resourceId }),
      assignVariable("Set JOB_ID to the JobId it printed.", "JOB_ID", "<JobId>"),
      aws("…and read it.", "iam", "get-service-last-accessed-details", { "job-id": shellVariable("JOB_ID") }),
      aws("Add the narrow policy (edited into app-policy.json).", "iam", "put-role-policy", {
        "role-name": roleName,
        "policy-name": "app",
        "policy-document": "file://app-policy.json",
      }),
      ...removals,
    ],
    snippets: [],
    care: [
      "Anyone who gets a shell on one of these instances holds the role's credentials; with admin rights that is the whole account (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”).",
      "Add the narrow policy before removing admin, and watch the application's errors (AccessDenied) for a day.",
    ],
  };
};
