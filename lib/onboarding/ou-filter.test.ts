import { describe, expect, it } from "vitest";
import { isOuPattern, normalizeOuPath, ouPatternMatches, passesOuFilter, unmatchedOuPatterns } from "./ou-filter";

const prod = { ouPath: "Root/Workloads/Prod", ouIds: ["r-ab12", "ou-ab12-workload", "ou-ab12-prod0001"] };
const management = { ouPath: "Root", ouIds: ["r-ab12"] };

describe("OU patterns", () => {
  it.each([
    ["Workloads/Prod", "Root/Workloads/Prod"],
    ["/Workloads/Prod/", "Root/Workloads/Prod"],
    ["Root/Workloads", "Root/Workloads"],
    [" Workloads / Prod ", "Root/Workloads/Prod"],
    ["Root", "Root"],
    ["Workloads//Prod", undefined],
    ["", undefined],
  ])("normalizes %j to %j", (pattern, expected) => {
    expect(normalizeOuPath(pattern)).toBe(expected);
  });

  it.each([
    ["Workloads", prod, true],
    ["Workloads/Prod", prod, true],
    ["Root/Workloads/Prod", prod, true],
    ["Workloads/Pro", prod, false],
    ["workloads", prod, false],
    ["ou-ab12-prod0001", prod, true],
    ["ou-ab12-workload", prod, true],
    ["ou-ab12-other000", prod, false],
    ["r-ab12", management, true],
    ["Root", management, true],
    ["Workloads", management, false],
  ] as const)("%j matches %j: %s", (pattern, placement, expected) => {
    expect(ouPatternMatches(pattern, placement)).toBe(expected);
  });

  it("accepts paths and ids, rejects empty segments", () => {
    expect(isOuPattern("ou-ab12-34cd56ef")).toBe(true);
    expect(isOuPattern("Security")).toBe(true);
    expect(isOuPattern("a//b")).toBe(false);
    expect(isOuPattern("   ")).toBe(false);
  });
});

describe("passesOuFilter", () => {
  it.each([
    [{ includeOus: [], excludeOus: [] }, prod, true],
    [{ includeOus: ["Workloads"], excludeOus: [] }, prod, true],
    [{ includeOus: ["Security"], excludeOus: [] }, prod, false],
    [{ includeOus: ["Workloads"], excludeOus: ["Workloads/Prod"] }, prod, false],
    [{ includeOus: [], excludeOus: ["Sandbox"] }, prod, true],
    [{ includeOus: [], excludeOus: ["Root"] }, management, false],
  ])("%j on %j: %s (exclusion wins)", (filter, placement, expected) => {
    expect(passesOuFilter(filter, placement)).toBe(expected);
  });
});

describe("unmatchedOuPatterns", () => {
  it("names the patterns that match no OU of the organization", () => {
    const units = [
      { id: "ou-ab12-workload", path: "Root/Workloads" },
      { id: "ou-ab12-prod0001", path: "Root/Workloads/Prod" },
    ];
    expect(unmatchedOuPatterns({ includeOus: ["Workloads", "Workload"], excludeOus: ["ou-ab12-prod0001", "ou-ab12-gone0000", "Root"] }, units, "r-ab12")).toEqual([
      "Workload",
      "ou-ab12-gone0000",
    ]);
  });
});
