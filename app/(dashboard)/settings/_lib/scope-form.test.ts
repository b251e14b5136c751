import { describe, expect, it } from "vitest";
import { accountScopeFormValues, parseAccountScopeForm, parseRegionScopeForm, regionScopeFormValues } from "./scope-form";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("the region scope form", () => {
  it.each([
    [{ mode: "all", regions: "eu-west-1" }, { mode: "all" }],
    [{ mode: "allow", regions: "eu-west-1, us-east-1\neu-west-1\n" }, { mode: "allow", regions: ["eu-west-1", "us-east-1"] }],
    [{ mode: "deny", regions: " ap-east-1 " }, { mode: "deny", regions: ["ap-east-1"] }],
  ])("reads %j as %j", (fields, scope) => {
    expect(parseRegionScopeForm(form(fields), { allowInherit: false })).toEqual({ ok: true, scope });
  });

  it("reads 'follow the installation' as no scope of the account's own, only where offered", () => {
    expect(parseRegionScopeForm(form({ mode: "inherit" }), { allowInherit: true })).toEqual({ ok: true, scope: undefined });
    expect(parseRegionScopeForm(form({ mode: "inherit" }), { allowInherit: false })).toMatchObject({ ok: false, state: { error: "Choose which regions to collect." } });
  });

  it.each([
    [{ mode: "allow", regions: "" }, "name at least one region to allow"],
    [{ mode: "deny", regions: "eu-west-1\nFrankfurt" }, '"Frankfurt" must be a region code such as "eu-west-1"'],
    [{ mode: "bogus", regions: "" }, "Choose which regions to collect."],
  ])("rejects %j with %j, keeping the typed values", (fields, error) => {
    expect(parseRegionScopeForm(form(fields), { allowInherit: true })).toEqual({ ok: false, state: { values: fields, error } });
  });

  it("shows a stored scope back in the form", () => {
    expect(regionScopeFormValues({ mode: "deny", regions: ["ap-east-1", "me-south-1"] })).toEqual({ mode: "deny", regions: "ap-east-1\nme-south-1" });
    expect(regionScopeFormValues(undefined)).toEqual({ mode: "inherit", regions: "" });
  });
});

describe("the account scope form", () => {
  it("reads ids, tags and OUs on both sides", () => {
    const parsed = parseAccountScopeForm(
      form({ includeTags: "env=prod\nteam", includeOuPaths: "Workloads/Prod", excludeAccountIds: "111122223333, 444455556666" }),
    );
    expect(parsed).toEqual({
      ok: true,
      scope: {
        include: { accountIds: [], tags: ["env=prod", "team"], ouPaths: ["Workloads/Prod"] },
        exclude: { accountIds: ["111122223333", "444455556666"], tags: [], ouPaths: [] },
      },
    });
    if (parsed.ok) expect(parseAccountScopeForm(form(accountScopeFormValues(parsed.scope)))).toEqual(parsed);
  });

  it("names the bad entry beside its field", () => {
    const parsed = parseAccountScopeForm(form({ includeAccountIds: "111122223333\n12345", excludeTags: "=x" }));
    expect(parsed).toMatchObject({
      ok: false,
      state: {
        values: { includeAccountIds: "111122223333\n12345", excludeTags: "=x" },
        fieldErrors: { includeAccountIds: '"12345" must be a 12-digit account id', excludeTags: '"=x" must be "key" or "key=value"' },
      },
    });
  });
});
