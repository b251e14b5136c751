import { describe, expect, it } from "vitest";
import { LruCache } from "@/lib/sandbox/lru-cache";

describe("LruCache", () => {
  it("evicts the least recently used entry once over capacity", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // "a" is now the newest
    cache.set("c", 3);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it.each([0, -1, 1.5])("refuses a capacity of %s", (capacity) => {
    expect(() => new LruCache(capacity)).toThrow("positive integer");
  });
});
