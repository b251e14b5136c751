/** The user's own policies move to a group for the job; the user joins it before losing them. */
import type { RemediationSteps, RemediationTarget } from "@/lib/remediation/content";
import { assignVariable, aws, shellVariable, type CliCommand } from "@/lib/remediation/shell";
import { userNameOf } from "@/lib/remediation/steps/target-names";
import type { PermissionsViaGroupsEvidence } from "./evidence";

export function moveToGroupSteps(target: RemediationTarget, evidence: PermissionsViaGroupsEvidence | null): RemediationSteps {
  const userName = userNameOf(target);
  const attached = evidence?.attachedPolicyArns ?? [];
  const inline = evidence?.inlinePolicyNames ?? [];
  const group = shellVariable("GROUP_NAME");
  const commands: CliCommand[] = [
    assignVariable("Set GROUP_NAME to a group named for the job (e.g. developers, billing); create it if it is new.", "GROUP_NAME", "<group for this job>"),
    aws("Create the group (skip if it exists).", "iam", "create-group", { "group-name": group }),
    ...attached.map((arn) => aws(`Attach ${arn} to the group.`, "iam", "attach-group-policy", { "group-name": group, "policy-arn": arn })),
    ...inline.map((name) =>
      aws(`Save inline policy ${name} of ${userName}, to put on the group with put-group-policy.`, "iam", "get-user-policy", {
        "user-name": userName,
        "policy-name": name,
        query: "PolicyDocument",
      }),
    ),
    aws(`Add ${userName} to the group.`, "iam", "add-user-to-group", { "user-name": userName, "group-name": group }),
    ...attached.map((arn) => aws(`Detach ${arn} from ${userName}.`, "iam", "detach-user-policy", { "user-name": userName, "policy-arn": arn })),
    ...inline.map((name) => aws(`Delete inline policy ${name} from ${userName}.`, "iam", "delete-user-policy", { "user-name": userName, "policy-name": name })),
  ];
  return {
    summary: `Move ${userName}'s own policies (${[...attached, ...inline].join(", ") || "attached or inline"}) to a group and add ${userName} to it.`,
    console: [
      "IAM console → User groups → Create group, named for the job; attach the same policies.",
      `Users → ${userName} → Groups → Add user to groups.`,
      `Users → ${userName} → Permissions: remove the directly attached and inline policies.`,
    ],
    commands,
    snippets: [],
    care: ["Add the user to the group before removing their own policies, so they never lose access in between."],
  };
}
