import v8 from "node:v8";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from "./heap-growth";

afterEach(() => vi.restoreAllMocks());

describe("limitHeapGrowth", () => {
  it("sets V8's heap growing percent", () => {
    const setFlags = vi.spyOn(v8, "setFlagsFromString").mockImplementation(() => undefined);
    limitHeapGrowth("--enable-source-maps");
    expect(setFlags).toHaveBeenCalledWith(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it("leaves an operator's own setting alone", () => {
    const setFlags = vi.spyOn(v8, "setFlagsFromString").mockImplementation(() => undefined);
    limitHeapGrowth("--heap-growing-percent=300");
    expect(setFlags).not.toHaveBeenCalled();
  });
});
