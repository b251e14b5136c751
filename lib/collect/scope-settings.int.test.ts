import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_ACCOUNTS, ALL_REGIONS } from "./scope";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { db } from "@/lib/db/client";
import {
  getAccountScopeView,
  getScopeSettings,
  listAccountRegionOverrides,
  partitionAccountsByScope,
  regionScopeFor,
  setAccountRegionScope,
  setAccountScope,
  setInstallationRegionScope,
} from "./scope-settings";
import { setSetting } from "@/lib/db/settings";
import { linkTestAccount } from "@/lib/db/test-factories";

describe("collection scope settings", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await linkTestAccount("111111111111", { name: "prod", tags: { env: "prod" } });
    await linkTestAccount("222222222222", { name: "dev", tags: { env: "dev" } });
    const ouAccount = await linkTestAccount("333333333333", { name: "shared", tags: {} });
    await db().linkedAccount.update({ where: { id: ouAccount }, data: { ouPath: "Root/Infrastructure/Shared" } });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("covers every account and every region until something is chosen", async () => {
    expect(await getScopeSettings()).toEqual({ regions: ALL_REGIONS, accounts: ALL_ACCOUNTS, accountRegions: {} });
    expect(await partitionAccountsByScope()).toEqual({ inScope: ["111111111111", "222222222222", "333333333333"], outOfScope: [] });
  });

  it("keeps to the accounts included by tag or OU, minus the excluded ones, and says why each is out", async () => {
    await setAccountScope({
      include: { accountIds: [], tags: ["env=prod"], ouPaths: ["Infrastructure"] },
      exclude: { accountIds: ["333333333333"], tags: [], ouPaths: [] },
    });
    expect(await partitionAccountsByScope()).toEqual({
      inScope: ["111111111111"],
      outOfScope: [
        { awsAccountId: "222222222222", reason: "matches none of the accounts, tags or OUs in scope" },
        { awsAccountId: "333333333333", reason: "excluded by account 333333333333" },
      ],
    });
    expect(await partitionAccountsByScope(["222222222222", "999999999999"])).toEqual({
      inScope: [],
      outOfScope: [{ awsAccountId: "222222222222", reason: "matches none of the accounts, tags or OUs in scope" }],
    });
    await setAccountScope(ALL_ACCOUNTS);
  });

  it("gives an account its own regions, and takes them back", async () => {
    await setInstallationRegionScope({ mode: "deny", regions: ["ap-east-1"] });
    await setAccountRegionScope("222222222222", { mode: "allow", regions: ["eu-west-1"] });
    expect(await regionScopeFor("111111111111")).toEqual({ mode: "deny", regions: ["ap-east-1"] });
    expect(await regionScopeFor("222222222222")).toEqual({ mode: "allow", regions: ["eu-west-1"] });
    expect(await getAccountScopeView("222222222222")).toEqual({
      ownRegions: { mode: "allow", regions: ["eu-west-1"] },
      regions: { mode: "allow", regions: ["eu-west-1"] },
      account: { inScope: true, reason: "every account is in scope" },
    });
    expect(await listAccountRegionOverrides()).toEqual([{ awsAccountId: "222222222222", name: "dev", regions: { mode: "allow", regions: ["eu-west-1"] } }]);
    await setAccountRegionScope("222222222222", undefined);
    expect(await regionScopeFor("222222222222")).toEqual({ mode: "deny", regions: ["ap-east-1"] });
    await setInstallationRegionScope(ALL_REGIONS);
  });

  it("falls back to everything when a stored value no longer parses, rather than collecting nothing", async () => {
    await setSetting("scope.regions", { mode: "allow", regions: [] });
    await setSetting("scope.accounts", "garbage");
    expect(await getScopeSettings()).toMatchObject({ regions: ALL_REGIONS, accounts: ALL_ACCOUNTS });
  });

  it("refuses to store an invalid scope", async () => {
    await expect(setInstallationRegionScope({ mode: "allow", regions: ["Frankfurt"] })).rejects.toThrow(/region code/);
  });
});
