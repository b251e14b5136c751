import { describe, expect, it } from "vitest";
import { checkSummaryRows, storedCheckCounts } from "./check-summary";

describe("checkSummaryRows", () => {
  it("lists the catalogue's checks of the exercise in order, with counts where recorded", () => {
    const rows = checkSummaryRows(1, [{ checkId: "root.recent-use", pass: 1, fail: 0, unknown: 0, notApplicable: 0, score: 100 }]);
    expect(rows.map((row) => [row.check.id, row.evaluated, row.score ?? null])).toEqual([
      ["root.access-keys", false, null],
      ["root.recent-use", true, 100],
    ]);
    expect(rows[0]!.check.title).not.toBe("root.access-keys");
  });

  it("keeps a check the catalogue no longer has, titled by its id", () => {
    const rows = checkSummaryRows(1, [{ checkId: "root.retired", pass: 0, fail: 2, unknown: 0, notApplicable: 0 }]);
    expect(rows.at(-1)).toMatchObject({ check: { id: "root.retired", title: "root.retired", known: false }, fail: 2, evaluated: true });
  });
});

describe("storedCheckCounts", () => {
  it("maps the stored score detail's names", () => {
    expect(storedCheckCounts([{ checkId: "a", score: 50, passed: 1, failed: 1, unknown: 2, notApplicable: 3 }])).toEqual([
      { checkId: "a", score: 50, pass: 1, fail: 1, unknown: 2, notApplicable: 3 },
    ]);
  });
});
