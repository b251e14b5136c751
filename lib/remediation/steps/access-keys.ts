/**
 * Retiring an access key safely. The credential report names keys by slot (1, 2), never by id,
 * so the commands list the user's keys first and carry the chosen id in ACCESS_KEY_ID. Keys are
 * deactivated before they are deleted: a deactivated key can be switched back on when something
 * still needed it; a deleted one is gone.
 */
import type { RemediationTarget } from "../content";
import { assignVariable, aws, shellVariable, type CliCommand } from "../shell";
import { evidenceString, reportDay } from "./target-names";

export const KEY_VARIABLE = "ACCESS_KEY_ID";

export interface KeyToRetire {
  /** undefined: the root user (commands run with root's own credentials). */
  userName?: string;
  slot?: 1 | 2;
  lastRotated?: string;
  lastUsedRegion?: string;
}

/** The slot's rotation day and last-used region from credential-report evidence. */
export function keyFacts(target: RemediationTarget, slot: 1 | 2 | undefined): Pick<KeyToRetire, "lastRotated" | "lastUsedRegion"> {
  if (!slot) return {};
  const region = evidenceString(target.evidence, `access_key_${slot}_last_used_region`);
  return {
    lastRotated: reportDay(evidenceString(target.evidence, `access_key_${slot}_last_rotated`)),
    lastUsedRegion: region && /^[a-z]{2}(-[a-z]+)+-\d$/.test(region) ? region : undefined,
  };
}

function who(key: KeyToRetire): string {
  return key.userName === undefined ? "the root user" : `user ${key.userName}`;
}

/** List, pick, check use (IAM and CloudTrail), deactivate; delete only when `withDelete`. */
export function retireKeyCommands(key: KeyToRetire, options: { withDelete: boolean }): CliCommand[] {
  const user = key.userName === undefined ? {} : { "user-name": key.userName };
  const which = key.slot
    ? `key ${key.slot}${key.lastRotated ? `, created ${key.lastRotated}` : ""}`
    : "the key to retire";
  const commands: CliCommand[] = [
    aws(`List the access keys of ${who(key)} (ids, status, creation dates).`, "iam", "list-access-keys", user),
    assignVariable(`Set ACCESS_KEY_ID to the AccessKeyId of ${which} from that list.`, KEY_VARIABLE, "<AccessKeyId>"),
    aws("When, in which region and for which service the key was last used.", "iam", "get-access-key-last-used", {
      "access-key-id": shellVariable(KEY_VARIABLE),
    }),
    aws(
      `Recent API calls made with the key (CloudTrail event history, last 90 days, one region at a time${key.lastUsedRegion ? "" : ": repeat for each region it was used in"}).`,
      "cloudtrail",
      "lookup-events",
      {
        region: key.lastUsedRegion ?? "us-east-1",
        "lookup-attributes": shellVariable(KEY_VARIABLE, "AttributeKey=AccessKeyId,AttributeValue="),
        "max-results": "50",
      },
    ),
    aws("Deactivate the key (reversible: --status Active turns it back on).", "iam", "update-access-key", {
      ...user,
      "access-key-id": shellVariable(KEY_VARIABLE),
      status: "Inactive",
    }),
  ];
  if (options.withDelete) {
    commands.push(
      aws("Once nothing has broken for a while, delete it.", "iam", "delete-access-key", { ...user, "access-key-id": shellVariable(KEY_VARIABLE) }),
    );
  }
  return commands;
}

export const DEACTIVATE_BEFORE_DELETE =
  "Deactivate before you delete: a deactivated key can be switched back on if something still needed it; a deleted key cannot be restored.";

export const CHECK_CLOUDTRAIL_FIRST =
  "Check the key's last use and CloudTrail history first, so you know which application or person loses access when it stops working.";

export const CREDENTIAL_REPORT_DELAY =
  "IAM regenerates the credential report at most every 4 hours, so the next collection may still see the old state; the item is verified once a newer report shows the change.";

export function keyConsoleSteps(userName: string): string[] {
  return [
    `Open the IAM console → Users → ${userName}.`,
    "On the Security credentials tab, under Access keys, note each key's Last used (date, region, service).",
    "Choose Actions → Deactivate for the key; after a quiet period choose Actions → Delete.",
  ];
}
