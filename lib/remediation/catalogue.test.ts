import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CHECKS } from "@/lib/checks/registry";
import { remediationFor } from "./catalogue";
import { renderCliCommand, type CliCommand } from "./shell";
import { HOSTILE_NAMES, PLAIN_NAMES, targetFor } from "./testing/targets";

const rendered = (checkId: string, names = PLAIN_NAMES) => remediationFor(targetFor(checkId, names))!.commands.map(renderCliCommand);

/** What bash makes of each rendered command: its words, with variables set to @NAME@. */
function wordsAsBashSeesThem(commands: CliCommand[]): string[][] {
  const script = [
    ...["ACCESS_KEY_ID", "VERSION_ID", "GROUP_NAME", "ROLE_NAME", "JOB_ID", "BUCKET", "APP"].map((name) => `${name}=@${name}@`),
    ...commands.map((command) => `set -- ${renderCliCommand(command)}; printf '%s\\0' "$@"; printf '\\1\\0'`),
  ].join("\n");
  const result = spawnSync("bash", ["--noprofile", "--norc", "-c", script], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout
    .split("\u0001\u0000")
    .slice(0, -1)
    .map((chunk) => chunk.split("\u0000").slice(0, -1));
}

function expectedWords(command: CliCommand): string[] {
  return command.words.map((word) => (typeof word === "string" ? word : `${word.prefix ?? ""}@${word.variable}@`));
}

describe("remediation content", () => {
  it.each(CHECKS.map((check) => [check.id, check] as const))("gives %s a why, a summary, console steps and commands or a reason there are none", (checkId, check) => {
    const remediation = remediationFor(targetFor(checkId))!;
    expect(remediation.why).toBe(check.why);
    expect(remediation.summary.length).toBeGreaterThan(10);
    expect(remediation.console.length).toBeGreaterThan(0);
    if (remediation.commands.length === 0) expect(remediation.care.join(" ")).toMatch(/no CLI|only be assigned while signed in as root/);
  });

  it.each(CHECKS.map((check) => check.id))("quotes hostile names so bash reads every word of %s exactly", (checkId) => {
    const remediation = remediationFor(targetFor(checkId, HOSTILE_NAMES))!;
    expect(wordsAsBashSeesThem(remediation.commands)).toEqual(remediation.commands.map(expectedWords));
  });

  it("never lets a hostile user name out of its quotes", () => {
    const commands = rendered("keys.rotated", HOSTILE_NAMES);
    expect(commands[0]).toBe("aws iam create-access-key --user-name '<img src=x onerror=alert(1)>'");
    expect(rendered("users.console-mfa", HOSTILE_NAMES)).toContain("aws iam delete-login-profile --user-name '<img src=x onerror=alert(1)>'");
    expect(rendered("admins.count", HOSTILE_NAMES)).toContain(`aws iam remove-user-from-group --user-name bob --group-name '=HYPERLINK("http://x")'`);
  });

  it("writes hostile names into snippets as string literals", () => {
    const snippet = remediationFor(targetFor("s3.bucket-policy-public", HOSTILE_NAMES))!.snippets[0]!;
    expect(snippet.code).toContain(`BucketName: ${JSON.stringify(HOSTILE_NAMES.bucket)}`);
    const mfa = remediationFor(targetFor("users.mfa-enforced", HOSTILE_NAMES))!.snippets.find((item) => item.language === "yaml")!;
    expect(mfa.code).toContain(`Users: [${JSON.stringify(HOSTILE_NAMES.user)}]`);
  });
});

describe("commands with the real names filled in", () => {
  it.each([
    ["keys.rotated", "aws iam list-access-keys --user-name alice"],
    ["keys.rotated", 'aws iam update-access-key --user-name alice --access-key-id "$ACCESS_KEY_ID" --status Inactive'],
    // keys.rotated stores no last-used region (it would change the evidence whenever the key moves): CloudTrail's home region, repeated per region.
    ["keys.rotated", 'aws cloudtrail lookup-events --region us-east-1 --lookup-attributes "AttributeKey=AccessKeyId,AttributeValue=$ACCESS_KEY_ID" --max-results 50'],
    ["keys.rotated", 'aws iam delete-access-key --user-name alice --access-key-id "$ACCESS_KEY_ID"'],
    ["root.access-keys", 'aws iam update-access-key --access-key-id "$ACCESS_KEY_ID" --status Inactive'],
    ["root.access-keys", "aws sts assume-root --region us-east-1 --target-principal 123456789012 --task-policy-arn arn=arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials"],
    ["admins.count", "aws iam detach-user-policy --user-name alice --policy-arn arn:aws:iam::aws:policy/AdministratorAccess"],
    ["admins.count", "aws iam remove-user-from-group --user-name bob --group-name admins"],
    ["admins.count", "aws iam delete-user-policy --user-name carol --policy-name app-policy"],
    ["ec2.role-not-admin", "aws iam detach-role-policy --role-name deploy --policy-arn arn:aws:iam::aws:policy/AdministratorAccess"],
    ["s3.account-public-access-block", "aws s3control put-public-access-block --account-id 123456789012 --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"],
    ["s3.bucket-acl-public", "aws s3api put-public-access-block --region eu-west-1 --bucket my-bucket --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"],
    ["s3.bucket-acl-public", "aws s3api put-bucket-acl --region eu-west-1 --bucket my-bucket --acl private"],
    ["password-policy.strong", "aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password"],
    ["sg.admin-ports-open", `aws ec2 revoke-security-group-ingress --region eu-west-1 --group-id sg-0abc --ip-permissions '[{"IpProtocol":"tcp","IpRanges":[{"CidrIp":"0.0.0.0/0"}],"Ipv6Ranges":[{"CidrIpv6":"::/0"}],"FromPort":22,"ToPort":22}]'`],
    ["sg.default-closed", `aws ec2 revoke-security-group-egress --region eu-west-1 --group-id sg-0def --ip-permissions '[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]'`],
    ["roles.short-sessions", "aws iam update-role --role-name deploy --max-session-duration 3600"],
    ["roles.cross-account-conditions", "aws iam update-assume-role-policy --role-name deploy --policy-document file://trust.json"],
    ["credentials.unused", "aws iam delete-login-profile --user-name alice"],
    ["cloudtrail.multi-region", "aws cloudtrail start-logging --region us-east-1 --name app-policy"],
    ["accessanalyzer.enabled", "aws accessanalyzer create-analyzer --region eu-west-1 --analyzer-name iamfit-external-access --type ACCOUNT"],
    ["ec2.instance-profile", 'aws ec2 associate-iam-instance-profile --region eu-west-1 --instance-id i-0abc123 --iam-instance-profile "Name=$ROLE_NAME"'],
    ["asg.can-scale", "aws autoscaling update-auto-scaling-group --region eu-west-1 --auto-scaling-group-name admins --max-size 4"],
    ["sts.global-token-v2", "aws iam set-security-token-service-preferences --global-endpoint-token-version v2Token"],
    ["users.permissions-via-groups", "aws iam detach-user-policy --user-name alice --policy-arn arn:aws:iam::123456789012:policy/app-policy"],
    ["policies.allow-not-action", "aws iam put-user-policy --user-name alice --policy-name app-policy --policy-document file://policy.json"],
    ["policies.no-star-star", "aws iam create-policy-version --policy-arn arn:aws:iam::123456789012:policy/app-policy --policy-document file://policy.json --set-as-default"],
  ])("%s: %s", (checkId, command) => {
    expect(rendered(checkId)).toContain(command);
  });

  it("says how to find the key id the credential report does not have, before using it", () => {
    const commands = rendered("keys.single-active");
    expect(commands.slice(0, 2)).toEqual(["aws iam list-access-keys --user-name alice", "ACCESS_KEY_ID='<AccessKeyId>'"]);
  });

  it("deactivates a key before deleting it, after looking at its use", () => {
    const commands = rendered("keys.rotated");
    const index = (prefix: string) => commands.findIndex((command) => command.startsWith(prefix));
    expect(index("aws iam get-access-key-last-used")).toBeLessThan(index("aws iam update-access-key"));
    expect(index("aws cloudtrail lookup-events")).toBeLessThan(index("aws iam update-access-key"));
    expect(index("aws iam update-access-key")).toBeLessThan(index("aws iam delete-access-key"));
    expect(remediationFor(targetFor("keys.rotated"))!.care.join(" ")).toMatch(/Deactivate before you delete/);
  });

  it("offers configuration snippets where the fix is configuration", () => {
    const languages = (checkId: string) => remediationFor(targetFor(checkId))!.snippets.map((snippet) => snippet.language);
    expect(languages("password-policy.strong")).toEqual(["hcl"]);
    expect(languages("s3.account-public-access-block")).toEqual(["hcl"]);
    expect(languages("s3.bucket-policy-public")).toEqual(["yaml"]);
    expect(languages("roles.cross-account-conditions")).toEqual(["json", "json"]);
    const trust = JSON.parse(remediationFor(targetFor("roles.cross-account-conditions"))!.snippets[1]!.code);
    expect(trust.Statement[0]).toMatchObject({ Principal: { AWS: "arn:aws:iam::999999999999:root" }, Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } });
  });

  it("has nothing for an unknown check", () => {
    expect(remediationFor({ ...targetFor("keys.rotated"), checkId: "nope" })).toBeUndefined();
  });
});
