/**
 * Exercise 3: few admins, no *:* policies, permissions through groups (seed 004: "do not put
 * permissions on specific users, but create a group for the permission").
 */
import type { JsonValue } from "@/lib/checks/types";
import type { RemediationBuilder } from "../content";
import { assignVariable, aws, shellVariable, type CliCommand } from "../shell";
import { MANAGED_VERSION_LIMIT, POLICY_CARE, policyConsoleSteps, policyRefOf, removeAdminPathCommand, rewritePolicyCommands, type AdminPathEvidence } from "./policies";
import { evidenceArray, evidenceRecord, userNameOf } from "./target-names";

const MAX_LISTED_ADMINS = 20;

function adminPaths(user: JsonValue): { name: string; paths: AdminPathEvidence[] } | undefined {
  const record = evidenceRecord(user);
  if (typeof record.name !== "string") return undefined;
  const paths = (Array.isArray(record.paths) ? record.paths : []).map((path) => evidenceRecord(path) as AdminPathEvidence);
  return { name: record.name, paths };
}

export const adminsCount: RemediationBuilder = (target) => {
  const evidence = evidenceRecord(target.evidence);
  const limit = typeof evidence.limit === "number" ? evidence.limit : 2;
  const admins = evidenceArray(target.evidence, "adminUsers").flatMap((user) => adminPaths(user) ?? []);
  const commands: CliCommand[] = [];
  for (const admin of admins.slice(0, MAX_LISTED_ADMINS)) {
    commands.push(aws(`Groups ${admin.name} is in (admin may also come through them).`, "iam", "list-groups-for-user", { "user-name": admin.name }));
    for (const path of admin.paths) {
      const command = removeAdminPathCommand({ type: "user", name: admin.name }, path);
      if (command) commands.push(command);
    }
  }
  const names = admins.map((admin) => admin.name);
  return {
    summary: `${names.length || "Too many"} users have administrator rights; keep at most ${limit} and give the others only what their job needs.`,
    console: [
      `Decide which ${limit} people keep administrator rights${names.length ? ` (now: ${names.join(", ")})` : ""}.`,
      "For everyone else: IAM console → Users → the user → Permissions: remove AdministratorAccess and other admin policies, and Groups: leave admin groups.",
      "Give them a group with the permissions their job needs (IAM console → User groups), and let administrators reach admin through a role they assume with MFA (exercise 7).",
    ],
    commands,
    snippets: [],
    care: [
      "Run only the commands for the users who should lose admin: each command takes one admin path away.",
      "Removing admin from the person running the commands locks them out: do your own last, from another admin's session.",
      "Check CloudTrail (Event history, User name) for what each person really does before choosing their new permissions.",
    ],
  };
};

export const policiesNoStarStar: RemediationBuilder = (target) => {
  const ref = policyRefOf(target);
  return {
    summary: `Replace the Allow of every action on every resource in ${target.resourceName} with the actions and resources its users need.`,
    console: policyConsoleSteps(ref, 'Replace "Action": "*" with the services and actions needed, and "Resource": "*" with their ARNs.'),
    commands: rewritePolicyCommands(ref),
    snippets: [],
    care: [
      ...POLICY_CARE,
      "If some principals truly need full administrator rights, attach AWS's AdministratorAccess to a small admin group or role instead of keeping a customer *:* policy.",
      ...(ref.kind === "managed" ? [MANAGED_VERSION_LIMIT] : []),
    ],
  };
};

export const usersPermissionsViaGroups: RemediationBuilder = (target) => {
  const userName = userNameOf(target);
  const attached = evidenceArray(target.evidence, "attachedPolicyArns").filter((arn): arn is string => typeof arn === "string");
  const inline = evidenceArray(target.evidence, "inlinePolicyNames").filter((name): name is string => typeof name === "string");
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
};
