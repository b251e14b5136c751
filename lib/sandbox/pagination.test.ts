import { describe, expect, it } from "vitest";
import { decodePageToken, encodePageToken, pageOf, pageSizeOf } from "@/lib/sandbox/pagination";

describe("pagination tokens", () => {
  it("round-trips an offset for the same listing and rejects it for another", () => {
    const token = encodePageToken("ListRoles", 200);
    expect(decodePageToken("ListRoles", token)).toBe(200);
    expect(decodePageToken("ListUsers", token)).toBeUndefined();
    expect(decodePageToken("ListRoles", "garbage")).toBeUndefined();
    expect(decodePageToken("ListRoles", undefined)).toBe(0);
  });

  it("pages a listing and stops issuing tokens on the last page", () => {
    const items = [1, 2, 3, 4, 5];
    const first = pageOf("L", items, 0, 2);
    expect(first.items).toEqual([1, 2]);
    const last = pageOf("L", items, decodePageToken("L", pageOf("L", items, 2, 2).nextToken) ?? -1, 2);
    expect(last).toEqual({ items: [5], nextToken: undefined });
  });

  it.each([
    [undefined, 100],
    [0, 100],
    [50, 50],
    [5000, 1000],
  ])("clamps a requested page size of %s to %s", (requested, expected) => {
    expect(pageSizeOf(requested, { default: 100, max: 1000 })).toBe(expected);
  });
});
