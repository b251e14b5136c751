import { describe, expect, it } from "vitest";
import { parseSelectionForm, parseSettingsForm, type FormFields } from "./organization-forms";

function form(entries: Array<[string, string]>): FormFields {
  return {
    get: (name) => entries.find(([key]) => key === name)?.[1] ?? null,
    getAll: (name) => entries.filter(([key]) => key === name).map(([, value]) => value),
  };
}

describe("parseSelectionForm", () => {
  it("reads the intent, every checked account, the role name and ExternalId", () => {
    expect(
      parseSelectionForm(form([["intent", "link"], ["accountId", "111111111111"], ["accountId", "222222222222"], ["roleName", " iamfit-audit "], ["externalId", "iamfit-x1"]])),
    ).toEqual({ ok: true, value: { intent: "link", accountIds: ["111111111111", "222222222222"], roleName: "iamfit-audit", externalId: "iamfit-x1" } });
  });

  it("says what is wrong per field", () => {
    const result = parseSelectionForm(form([["intent", "link"], ["roleName", "arn:aws:iam::1:role/x"], ["externalId", "x"]]));
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        accountIds: "select at least one account",
        roleName: "must be a role name (letters, digits and +=,.@_-, at most 64), the same in every account",
        externalId: "must be 2–1224 characters of letters, digits and +=,.@:/-",
      },
    });
  });
});

describe("parseSettingsForm", () => {
  it("turns the form into settings managed from the UI, one pattern per line", () => {
    const result = parseSettingsForm(
      form([
        ["autoLink", "on"],
        ["role", "auditor"],
        ["externalId", ""],
        ["includeOus", "Workloads\n\n ou-ab12-34cd56ef "],
        ["excludeOus", "Sandbox, Suspended"],
        ["excludeAccounts", "111111111111"],
        ["syncIntervalHours", "12"],
        ["discoveryRoleArn", ""],
      ]),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        autoLink: true,
        role: "auditor",
        includeOus: ["Workloads", "ou-ab12-34cd56ef"],
        excludeOus: ["Sandbox", "Suspended"],
        excludeAccounts: ["111111111111"],
        syncIntervalHours: 12,
        managedBy: "ui",
      },
    });
  });

  it("reports the first problem of each field", () => {
    const result = parseSettingsForm(form([["includeOus", "a//b"], ["syncIntervalHours", "900"], ["discoveryRoleArn", "nope"]]));
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors).sort()).toEqual(["discoveryRoleArn", "includeOus", "syncIntervalHours"]);
  });
});
