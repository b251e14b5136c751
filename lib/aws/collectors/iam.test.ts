import { describe, expect, it } from "vitest";
import { CollectorFailure } from "../errors";
import { entryErrorsOf } from "./aws-call";
import { credentialReportCsv, credentialReportOutput } from "../testing/fixtures";
import { awsError, type StubTable } from "../testing/stub-plugin";
import { stubbedAccountClients } from "../testing/test-clients";
import {
  collectAccountSummary,
  collectAuthorizationDetails,
  collectCredentialReport,
  collectPasswordPolicy,
  collectVirtualMfaDevices,
} from "./iam";

async function collectReport(table: StubTable, maxWaitMs?: number) {
  const { clients, calls } = stubbedAccountClients(table);
  const delays: number[] = [];
  const sleep = async (ms: number) => void delays.push(ms);
  try {
    const report = await collectCredentialReport(clients, { sleep, ...(maxWaitMs ? { maxWaitMs } : {}) });
    return { report, delays, calls };
  } finally {
    clients.destroy();
  }
}

describe("collectCredentialReport", () => {
  it("waits with growing pauses while IAM generates the report, then parses it", async () => {
    const { report, delays, calls } = await collectReport({
      GenerateCredentialReport: [{ State: "STARTED" }, { State: "INPROGRESS" }, { State: "COMPLETE" }],
      GetCredentialReport: credentialReportOutput(credentialReportCsv(["<root_account>", "alice"])),
    });
    expect(delays).toEqual([500, 1000]);
    expect(calls.filter((call) => call.operation === "GenerateCredentialReport")).toHaveLength(3);
    expect(report.generatedAt).toBe("2025-11-20T08:00:00.000Z");
    expect(report.rows.map((row) => row.user)).toEqual(["<root_account>", "alice"]);
  });

  it.each([
    ["ReportInProgress", "CredentialReportNotReadyException"],
    ["ReportNotPresent", "CredentialReportNotPresentException"],
    ["ReportExpired", "CredentialReportExpiredException"],
  ])("asks again after %s", async (code, name) => {
    const notYet = Object.assign(awsError(code, { httpStatus: code === "ReportInProgress" ? 404 : 410 }), { name });
    const { report, delays } = await collectReport({
      GenerateCredentialReport: { State: "COMPLETE" },
      GetCredentialReport: [notYet, credentialReportOutput()],
    });
    expect(delays).toEqual([500]);
    expect(report.rows).toHaveLength(1);
  });

  it("still fetches an existing report when generation answers LimitExceeded", async () => {
    const limited = Object.assign(awsError("LimitExceeded", { httpStatus: 409 }), { name: "LimitExceededException" });
    const { report } = await collectReport({ GenerateCredentialReport: limited, GetCredentialReport: credentialReportOutput() });
    expect(report.rows).toHaveLength(1);
  });

  it("gives up with CredentialReportTimeout when the report never completes", async () => {
    const failure = await collectReport({ GenerateCredentialReport: { State: "INPROGRESS" } }, 4_000).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CollectorFailure);
    expect((failure as CollectorFailure).collectorError).toMatchObject({ api: "iam:GetCredentialReport", code: "CredentialReportTimeout" });
  });

  it("reports a denied GenerateCredentialReport as that call's error", async () => {
    const failure = await collectReport({ GenerateCredentialReport: awsError("AccessDenied", { httpStatus: 403 }) }).catch(
      (error: unknown) => error,
    );
    expect((failure as CollectorFailure).collectorError).toMatchObject({ api: "iam:GenerateCredentialReport", code: "AccessDenied", httpStatus: 403 });
  });

  it("fails the part with the column and user when a value is not one AWS documents", async () => {
    const csv = credentialReportCsv(["mallory"]).replace(/\n(mallory,[^,]*,[^,]*,)false/, "\n$1maybe");
    const failure = await collectReport({ GenerateCredentialReport: { State: "COMPLETE" }, GetCredentialReport: credentialReportOutput(csv) }).catch(
      (error: unknown) => error,
    );
    expect((failure as CollectorFailure).collectorError).toMatchObject({
      code: "InvalidCredentialReport",
      message: expect.stringContaining('user "mallory": column password_enabled'),
    });
  });
});

const encode = (document: unknown) => encodeURIComponent(JSON.stringify(document));
const allowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] };

const authorizationPages: Record<string, Record<string, unknown>> = {
  first: {
    UserDetailList: [
      {
        UserName: "zoe",
        UserId: "AIDAZOE",
        Arn: "arn:aws:iam::111122223333:user/zoe",
        Path: "/",
        CreateDate: new Date("2024-02-01T00:00:00Z"),
        GroupList: ["ops", "admins"],
        UserPolicyList: [{ PolicyName: "broken", PolicyDocument: "%7B%22Version%22%3A" }],
        AttachedManagedPolicies: [{ PolicyName: "AdministratorAccess", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }],
        Tags: [{ Key: "team", Value: "ops" }],
      },
    ],
    IsTruncated: true,
    Marker: "page-2",
  },
  "page-2": {
    UserDetailList: [
      { UserName: "adam", UserId: "AIDAADAM", Arn: "arn:aws:iam::111122223333:user/adam", Path: "/", CreateDate: new Date("2024-01-01T00:00:00Z") },
    ],
    GroupDetailList: [
      { GroupName: "admins", GroupId: "AGPA1", Arn: "arn:aws:iam::111122223333:group/admins", Path: "/", CreateDate: new Date("2024-01-01T00:00:00Z"), GroupPolicyList: [{ PolicyName: "all", PolicyDocument: encode(allowAll) }] },
    ],
    RoleDetailList: [
      {
        RoleName: "app",
        RoleId: "AROAAPP",
        Arn: "arn:aws:iam::111122223333:role/app",
        Path: "/",
        CreateDate: new Date("2024-03-01T00:00:00Z"),
        AssumeRolePolicyDocument: encode(trust),
        InstanceProfileList: [{ Arn: "arn:aws:iam::111122223333:instance-profile/app", Path: "/", InstanceProfileName: "app", InstanceProfileId: "AIPA", CreateDate: new Date(), Roles: [] }],
        RoleLastUsed: { LastUsedDate: new Date("2025-11-01T12:00:00Z"), Region: "eu-west-1" },
      },
    ],
    IsTruncated: true,
    Marker: "page-3",
  },
  "page-3": {
    Policies: [
      {
        PolicyName: "custom",
        PolicyId: "ANPA1",
        Arn: "arn:aws:iam::111122223333:policy/custom",
        Path: "/",
        DefaultVersionId: "v2",
        AttachmentCount: 1,
        IsAttachable: true,
        PolicyVersionList: [
          { VersionId: "v10", IsDefaultVersion: false, Document: encode({ old: true }) },
          { VersionId: "v2", IsDefaultVersion: true, Document: encode(allowAll) },
          { VersionId: "v1", IsDefaultVersion: false, Document: encode({ older: true }) },
        ],
      },
    ],
    IsTruncated: false,
  },
};

describe("collectAuthorizationDetails", () => {
  const table: StubTable = {
    GetAccountAuthorizationDetails: (input: { Marker?: string }) => authorizationPages[input.Marker ?? "first"] ?? {},
    ListRoles: { Roles: [{ RoleName: "app", Arn: "arn:aws:iam::111122223333:role/app", MaxSessionDuration: 7200 }] },
  };

  it("merges every page, sorted by ARN", async () => {
    const { clients, calls } = stubbedAccountClients(table);
    const details = await collectAuthorizationDetails(clients);
    clients.destroy();
    expect(calls.filter((call) => call.operation === "GetAccountAuthorizationDetails").map((call) => call.input.Marker)).toEqual([
      undefined,
      "page-2",
      "page-3",
    ]);
    expect(details.users.map((user) => user.userName)).toEqual(["adam", "zoe"]);
    expect(details.users[1]).toMatchObject({
      groups: ["admins", "ops"],
      createDate: "2024-02-01T00:00:00.000Z",
      tags: [{ key: "team", value: "ops" }],
    });
  });

  it("URL-decodes documents and keeps a malformed one marked instead of failing", async () => {
    const { clients } = stubbedAccountClients(table);
    const details = await collectAuthorizationDetails(clients);
    clients.destroy();
    expect(details.groups[0]?.inlinePolicies).toEqual([{ policyName: "all", document: allowAll }]);
    expect(details.roles[0]?.assumeRolePolicyDocument).toEqual(trust);
    expect(details.users[1]?.inlinePolicies[0]?.document).toEqual({
      $malformed: true,
      raw: "%7B%22Version%22%3A",
      error: expect.stringMatching(/^not valid JSON/),
    });
  });

  it("keeps only the default version's document and every version id", async () => {
    const { clients } = stubbedAccountClients(table);
    const [policy] = (await collectAuthorizationDetails(clients)).policies;
    clients.destroy();
    expect(policy).toMatchObject({ defaultVersionId: "v2", defaultDocument: allowAll, versionIds: ["v1", "v2", "v10"], isAwsManaged: false });
  });

  it("adds MaxSessionDuration from ListRoles and the last use of roles", async () => {
    const { clients } = stubbedAccountClients(table);
    const [role] = (await collectAuthorizationDetails(clients)).roles;
    clients.destroy();
    expect(role).toMatchObject({
      maxSessionDuration: 7200,
      roleLastUsed: { lastUsedDate: "2025-11-01T12:00:00.000Z", region: "eu-west-1" },
      instanceProfileArns: ["arn:aws:iam::111122223333:instance-profile/app"],
    });
  });

  it("still collects when ListRoles is denied, leaving the session duration unknown", async () => {
    const { clients } = stubbedAccountClients({ ...table, ListRoles: awsError("AccessDenied", { httpStatus: 403 }) });
    const [role] = (await collectAuthorizationDetails(clients)).roles;
    clients.destroy();
    expect(role).not.toHaveProperty("maxSessionDuration");
  });

  it("derives names and paths from ARNs when AWS leaves them out, as an AWS-compatible endpoint did (issue 14)", async () => {
    const { clients } = stubbedAccountClients({
      GetAccountAuthorizationDetails: {
        UserDetailList: [{ Arn: "arn:aws:iam::111122223333:user/ops/alice", AttachedManagedPolicies: [{ PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }] }],
        Policies: [
          {
            Arn: "arn:aws:iam::111122223333:policy/team/deploy",
            DefaultVersionId: "v1",
            PolicyVersionList: [{ VersionId: "v1", IsDefaultVersion: true, Document: "%7B%7D" }],
          },
        ],
      },
      ListRoles: { Roles: [] },
    });
    const details = await collectAuthorizationDetails(clients);
    clients.destroy();
    expect(details.users[0]).toMatchObject({
      userName: "alice",
      path: "/ops/",
      attachedManagedPolicies: [{ policyName: "ReadOnlyAccess", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
    });
    expect(details.users[0]).not.toHaveProperty("createDate");
    expect(details.policies[0]).toMatchObject({ policyName: "deploy", path: "/team/", attachmentCount: 0, defaultVersionId: "v1", defaultDocument: {} });
    expect(details.policies[0]).not.toHaveProperty("policyId");
    expect(entryErrorsOf(details)).toEqual([]);
  });

  it("counts a managed policy's attachments from the answer when AttachmentCount is left out", async () => {
    const policyArn = "arn:aws:iam::111122223333:policy/deploy";
    const { clients } = stubbedAccountClients({
      GetAccountAuthorizationDetails: {
        UserDetailList: [{ Arn: "arn:aws:iam::111122223333:user/alice", AttachedManagedPolicies: [{ PolicyArn: policyArn }] }],
        RoleDetailList: [{ Arn: "arn:aws:iam::111122223333:role/ci", AttachedManagedPolicies: [{ PolicyArn: policyArn }] }],
        Policies: [{ Arn: policyArn, PolicyVersionList: [{ VersionId: "v3", IsDefaultVersion: true, Document: "%7B%7D" }] }],
      },
      ListRoles: { Roles: [] },
    });
    const details = await collectAuthorizationDetails(clients);
    clients.destroy();
    expect(details.policies[0]).toMatchObject({ attachmentCount: 2, defaultVersionId: "v3" });
  });

  it("leaves out only an entry without its ARN, with an error naming what identifies it", async () => {
    const { clients } = stubbedAccountClients({
      GetAccountAuthorizationDetails: {
        UserDetailList: [{ UserName: "nameless-arn", UserId: "AIDAEXAMPLE" }, { Arn: "arn:aws:iam::111122223333:user/bob" }],
      },
      ListRoles: { Roles: [] },
    });
    const details = await collectAuthorizationDetails(clients);
    clients.destroy();
    expect(details.users.map((user) => user.userName)).toEqual(["bob"]);
    expect(entryErrorsOf(details)).toEqual([
      expect.objectContaining({ api: "iam:GetAccountAuthorizationDetails", code: "IncompleteEntry", message: expect.stringContaining("a user (nameless-arn) without its ARN") }),
    ]);
  });
});

describe("account settings", () => {
  it("records a missing password policy as not present, not as an error", async () => {
    const noPolicy = Object.assign(awsError("NoSuchEntity", { httpStatus: 404 }), { name: "NoSuchEntityException" });
    const { clients } = stubbedAccountClients({ GetAccountPasswordPolicy: noPolicy });
    expect(await collectPasswordPolicy(clients)).toEqual({ present: false });
    clients.destroy();
  });

  it("keeps the password policy's settings", async () => {
    const { clients } = stubbedAccountClients({
      GetAccountPasswordPolicy: { PasswordPolicy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true } },
    });
    expect(await collectPasswordPolicy(clients)).toEqual({ present: true, minimumPasswordLength: 14, passwordReusePrevention: 24, requireSymbols: true });
    clients.destroy();
  });

  it("reads the summary map", async () => {
    const { clients } = stubbedAccountClients({ GetAccountSummary: { SummaryMap: { AccountMFAEnabled: 1, GlobalEndpointTokenVersion: 2 } } });
    expect(await collectAccountSummary(clients)).toEqual({ AccountMFAEnabled: 1, GlobalEndpointTokenVersion: 2 });
    clients.destroy();
  });

  it("lists virtual MFA devices across pages, sorted, with root's device recognisable", async () => {
    const { clients } = stubbedAccountClients({
      ListVirtualMFADevices: (input: { Marker?: string }) =>
        input.Marker
          ? { VirtualMFADevices: [{ SerialNumber: "arn:aws:iam::111122223333:mfa/alice", User: { Arn: "arn:aws:iam::111122223333:user/alice" } }] }
          : {
              VirtualMFADevices: [
                { SerialNumber: "arn:aws:iam::111122223333:mfa/root-account-mfa-device", User: { Arn: "arn:aws:iam::111122223333:root" }, EnableDate: new Date("2023-05-05T00:00:00Z") },
                { SerialNumber: "arn:aws:iam::111122223333:mfa/unassigned" },
              ],
              IsTruncated: true,
              Marker: "next",
            },
    });
    const devices = await collectVirtualMfaDevices(clients);
    clients.destroy();
    expect(devices).toEqual([
      { serialNumber: "arn:aws:iam::111122223333:mfa/alice", userArn: "arn:aws:iam::111122223333:user/alice" },
      { serialNumber: "arn:aws:iam::111122223333:mfa/root-account-mfa-device", userArn: "arn:aws:iam::111122223333:root", enableDate: "2023-05-05T00:00:00.000Z" },
      { serialNumber: "arn:aws:iam::111122223333:mfa/unassigned" },
    ]);
  });
});
