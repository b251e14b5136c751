import { describe, expect, it } from "vitest";
import { attached, authorizationDetails, awsPolicyArn, iamUser, inline, userArn } from "@/lib/policy/testing/iam-factory";
import { allow, policy } from "@/lib/policy/testing/policy-factory";
import { renderCliCommand } from "@/lib/remediation/shell";
import type { AuthorizationDetails } from "@/lib/snapshot/schema";
import { remediationTarget } from "../../testing/check-folder";
import { only, run, statuses } from "../../testing/run-check";
import { ok, snapshot } from "../../testing/snapshot-factory";
import { usersPermissionsViaGroups } from "./check";

const withDetails = (details: AuthorizationDetails) => snapshot({ "iam.authorizationDetails": ok(details) });

describe("users.permissions-via-groups", () => {
  it("fails users with attached or inline policies of their own", () => {
    const details = authorizationDetails({
      users: [
        iamUser("grouped", { groups: ["devs"] }),
        iamUser("attached", { attachedManagedPolicies: [attached(awsPolicyArn("ReadOnlyAccess"))] }),
        iamUser("inline", { inlinePolicies: [inline("mine", policy(allow("s3:GetObject")))] }),
      ],
    });
    expect(statuses(run(usersPermissionsViaGroups, withDetails(details)))).toEqual([
      ["grouped", "pass"],
      ["attached", "fail"],
      ["inline", "fail"],
    ]);
  });
});

describe("users.permissions-via-groups evidence", () => {
  const user = iamUser("alice", { groups: ["devs"], attachedManagedPolicies: [attached(awsPolicyArn("ReadOnlyAccess"))], inlinePolicies: [inline("mine", policy(allow("s3:GetObject")))] });

  it("shows the user's own policies, marked, and its groups", () => {
    const finding = only(run(usersPermissionsViaGroups, withDetails(authorizationDetails({ users: [user] }))));
    expect(usersPermissionsViaGroups.describeEvidence?.(finding.evidence)).toEqual([
      {
        kind: "facts",
        title: "User",
        rows: [
          { label: "ARN", value: userArn("alice"), verbatim: true },
          { label: "Groups", value: "devs", verbatim: true },
          { label: "Policies on the user itself", value: "2", mark: true },
        ],
      },
      {
        kind: "table",
        title: "Policies on the user itself",
        columns: ["Policy", "How it is held"],
        rows: [
          [{ text: awsPolicyArn("ReadOnlyAccess"), verbatim: true, mark: true }, "managed policy attached to the user"],
          [{ text: "mine", verbatim: true, mark: true }, "inline policy of the user"],
        ],
      },
    ]);
  });

  it("moves the policies named in the typed evidence to a group", () => {
    const finding = only(run(usersPermissionsViaGroups, withDetails(authorizationDetails({ users: [user] }))));
    const steps = usersPermissionsViaGroups.remediation?.(remediationTarget(finding));
    expect(steps?.summary).toBe(`Move alice's own policies (${awsPolicyArn("ReadOnlyAccess")}, mine) to a group and add alice to it.`);
    expect(steps?.commands.map(renderCliCommand)).toContain(`aws iam detach-user-policy --user-name alice --policy-arn ${awsPolicyArn("ReadOnlyAccess")}`);
    expect(steps?.commands.map(renderCliCommand)).toContain("aws iam delete-user-policy --user-name alice --policy-name mine");
  });
});
