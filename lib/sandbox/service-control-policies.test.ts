import { DescribePolicyCommand, ListPoliciesForTargetCommand, ListRootsCommand, paginateListPoliciesForTarget, type PolicySummary } from "@aws-sdk/client-organizations";
import { describe, expect, it } from "vitest";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { FULL_AWS_ACCESS_ID } from "@/lib/sandbox/curated/service-control-policies";
import { SUSPENDED_MEMBER_ID } from "@/lib/sandbox/curated/organization-units";
import { organizationStructure } from "@/lib/sandbox/organization-structure";
import { accountClients, sandboxClients, testWorld } from "@/lib/sandbox/test-fixtures";

const ids = CURATED_ACCOUNT_IDS;
type Organizations = ReturnType<ReturnType<typeof sandboxClients>["organizations"]>;

async function scpNames(organizations: Organizations, targetId: string): Promise<string[]> {
  const found: PolicySummary[] = [];
  for await (const page of paginateListPoliciesForTarget({ client: organizations, pageSize: 1 }, { TargetId: targetId, Filter: "SERVICE_CONTROL_POLICY" })) {
    found.push(...(page.Policies ?? []));
  }
  return found.map((policy) => policy.Name ?? "").sort();
}

describe("the sandbox organization's service control policies", () => {
  it("attaches FullAWSAccess to the root, every OU and every account, and guardrails to the root and some OUs", async () => {
    const world = testWorld();
    const organizations = sandboxClients(world).organizations();
    const structure = organizationStructure(world);
    const ouNamed = (name: string) => structure.units.find((unit) => unit.name === name)?.id ?? "";
    const { Roots } = await organizations.send(new ListRootsCommand({}));
    expect(await scpNames(organizations, Roots?.[0]?.Id ?? "")).toEqual(["DenyLeaveOrganization", "FullAWSAccess"]);
    expect(await scpNames(organizations, ouNamed("Workloads"))).toEqual(["FullAWSAccess", "ProtectCloudTrail"]);
    expect(await scpNames(organizations, ouNamed("NonProd"))).toEqual(["DenyGlueDevEndpoints", "DenyIamCredentialChanges", "FullAWSAccess"]);
    expect(await scpNames(organizations, ouNamed("Prod"))).toEqual(["FullAWSAccess"]);
    expect(await scpNames(organizations, ouNamed("Sandbox"))).toEqual(["FullAWSAccess", "SandboxRegionRestriction"]);
    expect(await scpNames(organizations, ouNamed("Suspended"))).toEqual(["FullAWSAccess", "QuarantineSuspendedAccounts"]);
    expect(await scpNames(organizations, ids.prodPayments)).toEqual(["FullAWSAccess"]);
    expect(await scpNames(organizations, SUSPENDED_MEMBER_ID)).toEqual(["FullAWSAccess"]);
  });

  it("lists nothing for other policy types", async () => {
    const organizations = sandboxClients(testWorld()).organizations();
    const { Policies } = await organizations.send(new ListPoliciesForTargetCommand({ TargetId: ids.prodPayments, Filter: "TAG_POLICY" }));
    expect(Policies).toEqual([]);
  });

  it("describes a policy with its summary and its document as a JSON string", async () => {
    const organizations = sandboxClients(testWorld()).organizations();
    const { Policy } = await organizations.send(new DescribePolicyCommand({ PolicyId: FULL_AWS_ACCESS_ID }));
    expect(Policy?.PolicySummary).toMatchObject({ Id: FULL_AWS_ACCESS_ID, Name: "FullAWSAccess", AwsManaged: true, Type: "SERVICE_CONTROL_POLICY", Arn: "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess" });
    expect(JSON.parse(Policy?.Content ?? "")).toEqual({ Version: "2012-10-17", Statement: { Effect: "Allow", Action: "*", Resource: "*" } });
  });

  it.each([
    ["ListPoliciesForTarget", () => new ListPoliciesForTargetCommand({ TargetId: "999999999999", Filter: "SERVICE_CONTROL_POLICY" }), "TargetNotFoundException"],
    ["DescribePolicy", () => new DescribePolicyCommand({ PolicyId: "p-unknown1" }), "PolicyNotFoundException"],
  ] as const)("%s of an unknown id fails with %s", async (_name, command, code) => {
    const organizations = sandboxClients(testWorld()).organizations();
    await expect(organizations.send(command() as never)).rejects.toMatchObject({ name: code });
  });

  it("refuses them to a member account that is neither management nor delegated administrator", async () => {
    const organizations = (await accountClients(testWorld(), ids.prodPayments)).organizations();
    await expect(organizations.send(new DescribePolicyCommand({ PolicyId: FULL_AWS_ACCESS_ID }))).rejects.toMatchObject({ name: "AccessDeniedException" });
    await expect(organizations.send(new ListPoliciesForTargetCommand({ TargetId: ids.prodPayments, Filter: "SERVICE_CONTROL_POLICY" }))).rejects.toMatchObject({ name: "AccessDeniedException" });
  });

  it("injects faults into them like into any call", async () => {
    const organizations = sandboxClients(testWorld(), { faults: { builtInRules: false, rules: [{ api: "organizations:DescribePolicy", fault: "throttle" }] } }).organizations();
    await expect(organizations.send(new DescribePolicyCommand({ PolicyId: FULL_AWS_ACCESS_ID }))).rejects.toMatchObject({ name: "TooManyRequestsException" });
  });
});
