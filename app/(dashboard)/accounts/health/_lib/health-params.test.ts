import { describe, expect, it } from "vitest";
import { HEALTH_PAGE_SIZE, pageOfHealthRows, parseHealthFilter } from "./health-params";

const rows = Array.from({ length: 2 * HEALTH_PAGE_SIZE + 7 }, (_, index) => index);

describe("health page parameters", () => {
  it("shows every account when the filter is unknown", () => {
    expect(parseHealthFilter({ show: "failing" })).toBe("failing");
    expect(parseHealthFilter({ show: "nonsense" })).toBe("all");
    expect(parseHealthFilter({})).toBe("all");
  });

  it("pages the rows and counts the pages", () => {
    const second = pageOfHealthRows(rows, { page: "2" });
    expect(second.rows[0]).toBe(HEALTH_PAGE_SIZE);
    expect(second.rows).toHaveLength(HEALTH_PAGE_SIZE);
    expect(second.pageCount).toBe(3);
    expect(second.total).toBe(rows.length);
    expect(pageOfHealthRows(rows, { page: "3" }).rows).toEqual(rows.slice(2 * HEALTH_PAGE_SIZE));
  });

  it("falls back to the first page on nonsense and to the last past the end", () => {
    expect(pageOfHealthRows(rows, { page: "x" }).page).toBe(1);
    expect(pageOfHealthRows(rows, { page: "99" }).page).toBe(3);
    expect(pageOfHealthRows([], {}).page).toBe(1);
  });
});
