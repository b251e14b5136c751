import {
  DescribeOrganizationalUnitCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListRootsCommand,
  paginateListAccounts,
  paginateListAccountsForParent,
  type Account,
} from "@aws-sdk/client-organizations";
import { describe, expect, it } from "vitest";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { CLOSED_MEMBER_ID, SUSPENDED_MEMBER_ID } from "@/lib/sandbox/curated/organization-units";
import { organizationStructure } from "@/lib/sandbox/organization-structure";
import { accountClients, sandboxClients, testWorld } from "@/lib/sandbox/test-fixtures";

const ids = CURATED_ACCOUNT_IDS;

async function rootId(organizations: ReturnType<ReturnType<typeof sandboxClients>["organizations"]>): Promise<string> {
  const { Roots } = await organizations.send(new ListRootsCommand({}));
  return Roots?.[0]?.Id ?? "";
}

async function unitsIn(organizations: ReturnType<ReturnType<typeof sandboxClients>["organizations"]>, parentId: string) {
  const { OrganizationalUnits } = await organizations.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parentId }));
  return OrganizationalUnits ?? [];
}

async function accountsIn(organizations: ReturnType<ReturnType<typeof sandboxClients>["organizations"]>, parentId: string): Promise<Account[]> {
  const accounts: Account[] = [];
  for await (const page of paginateListAccountsForParent({ client: organizations, pageSize: 2 }, { ParentId: parentId })) {
    accounts.push(...(page.Accounts ?? []));
  }
  return accounts;
}

describe("the sandbox organization's OU tree", () => {
  it("has one root, formatted like AWS root and OU ids", async () => {
    const organizations = sandboxClients(testWorld()).organizations();
    const { Roots } = await organizations.send(new ListRootsCommand({}));
    expect(Roots).toHaveLength(1);
    expect(Roots?.[0]?.Id).toMatch(/^r-[a-z0-9]{4}$/);
    const units = await unitsIn(organizations, Roots?.[0]?.Id ?? "");
    for (const unit of units) expect(unit.Id).toMatch(new RegExp(`^ou-${Roots?.[0]?.Id?.slice(2)}-[a-z0-9]{8}$`));
  });

  it("places the management account at the root and the others in Security, Infrastructure, Workloads/Prod, Workloads/NonProd, Sandbox and Suspended", async () => {
    const organizations = sandboxClients(testWorld()).organizations();
    const root = await rootId(organizations);
    const topLevel = await unitsIn(organizations, root);
    expect(topLevel.map((unit) => unit.Name)).toEqual(["Security", "Infrastructure", "Workloads", "Sandbox", "Suspended"]);
    const byName = new Map(topLevel.map((unit) => [unit.Name, unit.Id ?? ""]));
    const workloads = await unitsIn(organizations, byName.get("Workloads") ?? "");
    expect(workloads.map((unit) => unit.Name)).toEqual(["Prod", "NonProd"]);
    const workloadId = new Map(workloads.map((unit) => [unit.Name, unit.Id ?? ""]));

    const names = async (parentId: string) => (await accountsIn(organizations, parentId)).map((account) => account.Name);
    expect(await names(root)).toEqual(["org-management"]);
    expect(await names(byName.get("Security") ?? "")).toEqual(["security-tooling"]);
    expect(await names(byName.get("Infrastructure") ?? "")).toEqual(["data-lake", "edge-network"]);
    expect(await names(workloadId.get("Prod") ?? "")).toEqual(["prod-payments", "legacy-monolith", "media-streaming"]);
    expect(await names(workloadId.get("NonProd") ?? "")).toEqual(["dev-experiments", "partner-integration", "staging-web"]);
    expect(await names(byName.get("Sandbox") ?? "")).toEqual(["sandbox-playground"]);
    expect(await names(byName.get("Workloads") ?? "")).toEqual([]);
    expect(await names(byName.get("Suspended") ?? "")).toEqual(["retired-analytics", "closed-marketing-2019"]);
  });

  it("lists a suspended and a closed member with their Organizations State, after the world's accounts", async () => {
    const world = testWorld();
    const organizations = sandboxClients(world).organizations();
    const accounts: Account[] = [];
    for await (const page of paginateListAccounts({ client: organizations }, {})) accounts.push(...(page.Accounts ?? []));
    expect(accounts.map((account) => account.Id)).toEqual([...world.accounts().map((summary) => summary.accountId), SUSPENDED_MEMBER_ID, CLOSED_MEMBER_ID]);
    expect(accounts.find((account) => account.Id === SUSPENDED_MEMBER_ID)).toMatchObject({ State: "SUSPENDED", Status: "SUSPENDED" });
    expect(accounts.find((account) => account.Id === CLOSED_MEMBER_ID)).toMatchObject({ State: "CLOSED", Status: "SUSPENDED" });
    expect(accounts.filter((account) => account.State === "ACTIVE")).toHaveLength(world.accounts().length);
    expect(world.account(SUSPENDED_MEMBER_ID)).toBeUndefined();
  });

  it("places generated accounts by their env tag without building any", async () => {
    const world = testWorld({ generatedAccounts: 40 });
    const structure = organizationStructure(world);
    const unitName = (parentId: string) => structure.unit(parentId)?.name;
    for (const summary of world.accounts().filter((candidate) => candidate.kind === "generated")) {
      const expected = { prod: "Prod", staging: "NonProd", dev: "NonProd", sandbox: "Sandbox" }[summary.tags.env ?? ""];
      expect(unitName(structure.member(summary.accountId)?.parentId ?? ""), summary.name).toBe(expected);
    }
    expect(world.stats().materializedAccounts).toBe(0);
  });

  it("answers ListParents for accounts and OUs, and DescribeOrganizationalUnit", async () => {
    const organizations = sandboxClients(testWorld()).organizations();
    const root = await rootId(organizations);
    const { Parents: ofManagement } = await organizations.send(new ListParentsCommand({ ChildId: ids.orgManagement }));
    expect(ofManagement).toEqual([{ Id: root, Type: "ROOT" }]);
    const { Parents: ofPayments } = await organizations.send(new ListParentsCommand({ ChildId: ids.prodPayments }));
    expect(ofPayments?.[0]?.Type).toBe("ORGANIZATIONAL_UNIT");
    const { OrganizationalUnit: prod } = await organizations.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ofPayments?.[0]?.Id }));
    expect(prod?.Name).toBe("Prod");
    const { Parents: ofProd } = await organizations.send(new ListParentsCommand({ ChildId: prod?.Id }));
    const { OrganizationalUnit: workloads } = await organizations.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ofProd?.[0]?.Id }));
    expect(workloads?.Name).toBe("Workloads");
  });

  it.each([
    ["ListAccountsForParent", () => new ListAccountsForParentCommand({ ParentId: "ou-zzzz-00000000" }), "ParentNotFoundException"],
    ["ListOrganizationalUnitsForParent", () => new ListOrganizationalUnitsForParentCommand({ ParentId: "r-zzzz" }), "ParentNotFoundException"],
    ["ListParents", () => new ListParentsCommand({ ChildId: "999999999999" }), "ChildNotFoundException"],
    ["DescribeOrganizationalUnit", () => new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: "ou-zzzz-00000000" }), "OrganizationalUnitNotFoundException"],
  ] as const)("%s of an unknown id fails with %s", async (_name, command, code) => {
    const organizations = sandboxClients(testWorld()).organizations();
    await expect(organizations.send(command() as never)).rejects.toMatchObject({ name: code });
  });

  it("refuses the tree to a member account that is neither management nor delegated administrator", async () => {
    const organizations = (await accountClients(testWorld(), ids.prodPayments)).organizations();
    await expect(organizations.send(new ListRootsCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException" });
  });
});
