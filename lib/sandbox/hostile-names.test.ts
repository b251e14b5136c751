import { DescribeSecurityGroupsCommand } from "@aws-sdk/client-ec2";
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetCredentialReportCommand,
  ListVirtualMFADevicesCommand,
} from "@aws-sdk/client-iam";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { HOSTILE_NAMES } from "@/lib/sandbox/curated/staging-web";
import { accountClients, testWorld } from "@/lib/sandbox/test-fixtures";

const accountId = CURATED_ACCOUNT_IDS.stagingWeb;

describe("hostile names come back byte for byte", () => {
  it("in GetAccountAuthorizationDetails: user, group membership, group, role tag", async () => {
    const iam = (await accountClients(testWorld(), accountId)).iam();
    const page = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
    const user = page.UserDetailList?.[0];
    expect(user?.UserName).toBe("<img src=x onerror=alert(1)>");
    expect(user?.Arn).toBe(`arn:aws:iam::${accountId}:user/<img src=x onerror=alert(1)>`);
    expect(user?.GroupList).toEqual(['=HYPERLINK("http://x")']);
    expect(user?.Tags).toEqual([{ Key: "note", Value: HOSTILE_NAMES.tagValue }]);
    expect(page.GroupDetailList?.[0]?.GroupName).toBe('=HYPERLINK("http://x")');
    const role = page.RoleDetailList?.find((candidate) => candidate.RoleName === "web-staging-instance");
    expect(role?.Tags).toEqual([{ Key: "owner", Value: `"'><script>alert(document.domain)</script>` }]);
  });

  it("in the credential report CSV, parsed with a CSV library", async () => {
    const iam = (await accountClients(testWorld(), accountId)).iam();
    await iam.send(new GenerateCredentialReportCommand({}));
    await iam.send(new GenerateCredentialReportCommand({}));
    const csv = new TextDecoder().decode((await iam.send(new GetCredentialReportCommand({}))).Content);
    const rows: string[][] = parse(csv);
    expect(rows[2]?.[0]).toBe(HOSTILE_NAMES.user);
    expect(rows[2]?.[1]).toBe(`arn:aws:iam::${accountId}:user/${HOSTILE_NAMES.user}`);
  });

  it("in ListVirtualMFADevices and a security group's description and tags", async () => {
    const clients = await accountClients(testWorld(), accountId);
    const { VirtualMFADevices } = await clients.iam().send(new ListVirtualMFADevicesCommand({}));
    expect(VirtualMFADevices?.[0]?.User?.UserName).toBe(HOSTILE_NAMES.user);
    expect(VirtualMFADevices?.[0]?.SerialNumber).toBe(`arn:aws:iam::${accountId}:mfa/${HOSTILE_NAMES.user}`);
    const { SecurityGroups } = await clients.ec2("us-east-1").send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["web-staging"] }] }));
    expect(SecurityGroups?.[0]?.Description).toBe("<b>staging</b> web & api");
    expect(SecurityGroups?.[0]?.Tags).toEqual([{ Key: "owner", Value: HOSTILE_NAMES.tagValue }]);
  });
});
