import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  ListOrganizationsFeaturesCommand,
  ListRolesCommand,
  NoSuchEntityException,
  paginateGetAccountAuthorizationDetails,
  paginateListVirtualMFADevices,
  type RoleDetail,
} from "@aws-sdk/client-iam";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CREDENTIAL_REPORT_COLUMNS } from "@/lib/sandbox/credential-report";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { accountClients, testWorld } from "@/lib/sandbox/test-fixtures";

const ids = CURATED_ACCOUNT_IDS;

describe("iam:GetAccountAuthorizationDetails", () => {
  it("pages across users, groups, roles and policies with MaxItems/Marker and loses nothing", async () => {
    const world = testWorld();
    const clients = await accountClients(world, ids.mediaStreaming, { faults: { builtInRules: false } });
    const pages = [];
    for await (const page of paginateGetAccountAuthorizationDetails({ client: clients.iam(), pageSize: 40 }, {})) pages.push(page);
    const account = world.account(ids.mediaStreaming);
    const users = pages.flatMap((page) => page.UserDetailList ?? []);
    const roles = pages.flatMap((page) => page.RoleDetailList ?? []);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.slice(0, -1).every((page) => page.IsTruncated === true && typeof page.Marker === "string")).toBe(true);
    expect(pages.at(-1)?.IsTruncated).toBe(false);
    expect(users.map((user) => user.UserName)).toEqual(account?.users.map((user) => user.userName));
    expect(roles.map((role) => role.RoleName)).toEqual(account?.roles.map((role) => role.roleName));
    const entries = pages.map((page) => (page.UserDetailList?.length ?? 0) + (page.GroupDetailList?.length ?? 0) + (page.RoleDetailList?.length ?? 0) + (page.Policies?.length ?? 0));
    expect(entries.slice(0, -1).every((count) => count === 40)).toBe(true);
  });

  it("uses AWS's default page size of 100 when MaxItems is absent", async () => {
    const world = testWorld();
    const clients = await accountClients(world, ids.mediaStreaming, { faults: { builtInRules: false } });
    const page = await clients.iam().send(new GetAccountAuthorizationDetailsCommand({}));
    const count = (page.UserDetailList?.length ?? 0) + (page.GroupDetailList?.length ?? 0) + (page.RoleDetailList?.length ?? 0) + (page.Policies?.length ?? 0);
    expect(count).toBe(100);
    expect(page.IsTruncated).toBe(true);
  });

  it("returns policy documents URL-encoded, as IAM sends them", async () => {
    const world = testWorld();
    const clients = await accountClients(world, ids.devExperiments);
    const page = await clients.iam().send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 1000 }));
    const role = page.RoleDetailList?.find((candidate) => candidate.RoleName === "public-demo-role") as RoleDetail;
    expect(role.AssumeRolePolicyDocument).toMatch(/^%7B%22Version%22%3A%222012-10-17%22/);
    expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument ?? ""))).toEqual({
      Version: "2012-10-17",
      Statement: { Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" },
    });
    const policy = page.Policies?.find((candidate) => candidate.PolicyName === "wildcard-all");
    const version = policy?.PolicyVersionList?.find((candidate) => candidate.IsDefaultVersion);
    expect(JSON.parse(decodeURIComponent(version?.Document ?? ""))).toMatchObject({ Statement: { Action: ["*:*"], Resource: "*" } });
    const gpu = page.RoleDetailList?.find((candidate) => candidate.RoleName === "gpu-worker");
    expect(gpu?.InstanceProfileList?.[0]?.Arn).toBe(`arn:aws:iam::${ids.devExperiments}:instance-profile/gpu-worker`);
    expect(gpu?.RoleLastUsed?.LastUsedDate).toBeInstanceOf(Date);
  });

  it("lists every version of a customer policy, marking only the default", async () => {
    const world = testWorld();
    const clients = await accountClients(world, ids.legacyMonolith);
    const page = await clients.iam().send(new GetAccountAuthorizationDetailsCommand({ Filter: ["LocalManagedPolicy"] }));
    expect(page.UserDetailList).toEqual([]);
    const policy = page.Policies?.[0];
    expect(policy?.PolicyName).toBe("legacy-full-access");
    expect(policy?.AttachmentCount).toBe(1);
    expect(policy?.PolicyVersionList?.map((version) => [version.VersionId, version.IsDefaultVersion])).toEqual([
      ["v3", true],
      ["v2", false],
      ["v1", false],
    ]);
  });
});

describe("the credential report", () => {
  it("goes ReportNotPresent → STARTED → COMPLETE → a 22-column CSV with <root_account> first", async () => {
    const world = testWorld();
    const iam = (await accountClients(world, ids.legacyMonolith)).iam();
    await expect(iam.send(new GetCredentialReportCommand({}))).rejects.toMatchObject({
      name: "CredentialReportNotPresentException",
      Code: "ReportNotPresent",
      $metadata: { httpStatusCode: 410 },
    });
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("STARTED");
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe("COMPLETE");
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(report.Content).toBeInstanceOf(Uint8Array);
    expect(report.ReportFormat).toBe("text/csv");
    expect(report.GeneratedTime).toEqual(world.today);
    const rows: string[][] = parse(new TextDecoder().decode(report.Content));
    expect(rows[0]).toEqual([...CREDENTIAL_REPORT_COLUMNS]);
    expect(rows[0]).toHaveLength(22);
    const root = Object.fromEntries(CREDENTIAL_REPORT_COLUMNS.map((column, index) => [column, rows[1]?.[index]]));
    expect(root).toMatchObject({
      user: "<root_account>",
      arn: `arn:aws:iam::${ids.legacyMonolith}:root`,
      password_enabled: "not_supported",
      password_last_changed: "not_supported",
      mfa_active: "false",
      access_key_1_active: "true",
      access_key_2_active: "false",
      access_key_2_last_rotated: "N/A",
    });
    expect(root.password_last_used).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    expect(rows).toHaveLength(2 + (world.account(ids.legacyMonolith)?.users.length ?? 0));
  });

  it("answers ReportInProgress to one poll after STARTED, then the report", async () => {
    const world = testWorld();
    const iam = (await accountClients(world, ids.prodPayments)).iam();
    await iam.send(new GenerateCredentialReportCommand({}));
    await expect(iam.send(new GetCredentialReportCommand({}))).rejects.toMatchObject({ Code: "ReportInProgress", $metadata: { httpStatusCode: 404 } });
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(new TextDecoder().decode(report.Content).split("\n")).toHaveLength(2); // header + root: no IAM users
  });

  it("shows a centrally managed root with no password and no keys", async () => {
    const world = testWorld();
    const iam = (await accountClients(world, ids.stagingWeb)).iam();
    await iam.send(new GenerateCredentialReportCommand({}));
    await iam.send(new GenerateCredentialReportCommand({}));
    const rows: string[][] = parse(new TextDecoder().decode((await iam.send(new GetCredentialReportCommand({}))).Content));
    expect(rows[1]?.slice(3, 13)).toEqual(["not_supported", "N/A", "not_supported", "not_supported", "false", "false", "N/A", "N/A", "N/A", "N/A"]);
  });
});

describe("IAM account settings", () => {
  it("throws NoSuchEntity for GetAccountPasswordPolicy when the account has none", async () => {
    const world = testWorld();
    const iam = (await accountClients(world, ids.legacyMonolith)).iam();
    const error = await iam.send(new GetAccountPasswordPolicyCommand({})).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NoSuchEntityException);
    expect(error).toMatchObject({ Code: "NoSuchEntity", $metadata: { httpStatusCode: 404 } });
  });

  it("returns the password policy and a summary with the root and token facts", async () => {
    const world = testWorld();
    const iam = (await accountClients(world, ids.edgeNetwork)).iam();
    const { PasswordPolicy } = await iam.send(new GetAccountPasswordPolicyCommand({}));
    expect(PasswordPolicy).toMatchObject({ MinimumPasswordLength: 14, PasswordReusePrevention: 24, ExpirePasswords: false });
    const { SummaryMap } = await iam.send(new GetAccountSummaryCommand({}));
    expect(SummaryMap).toMatchObject({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, GlobalEndpointTokenVersion: 1, Users: 0 });
  });

  it("lists a virtual root MFA under the root ARN", async () => {
    const world = testWorld();
    const iam = (await accountClients(world, ids.devExperiments)).iam();
    const devices = [];
    for await (const page of paginateListVirtualMFADevices({ client: iam }, {})) devices.push(...(page.VirtualMFADevices ?? []));
    expect(devices.map((device) => device.User?.Arn)).toContain(`arn:aws:iam::${ids.devExperiments}:root`);
    expect(devices.find((device) => device.User?.Arn?.endsWith(":root"))?.SerialNumber).toBe(`arn:aws:iam::${ids.devExperiments}:mfa/root-account-mfa-device`);
  });

  it("reports MaxSessionDuration through ListRoles (GAAD does not carry it)", async () => {
    const world = testWorld();
    const iam = (await accountClients(world, ids.devExperiments)).iam();
    const { Roles } = await iam.send(new ListRolesCommand({}));
    expect(Roles?.find((role) => role.RoleName === "data-scientist-console")?.MaxSessionDuration).toBe(43200);
  });

  it("answers ListOrganizationsFeatures only in the management and delegated administrator accounts", async () => {
    const world = testWorld();
    const tooling = await (await accountClients(world, ids.securityTooling)).iam().send(new ListOrganizationsFeaturesCommand({}));
    expect(tooling).toMatchObject({ OrganizationId: world.organizationId, EnabledFeatures: ["RootCredentialsManagement", "RootSessions"] });
    const member = (await accountClients(world, ids.prodPayments)).iam();
    await expect(member.send(new ListOrganizationsFeaturesCommand({}))).rejects.toMatchObject({
      name: "AccountNotManagementOrDelegatedAdministratorException",
    });
  });
});
