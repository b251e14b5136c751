import { describe, expect, it } from "vitest";
import { describeFailures, NO_FAILURES } from "./failure-counts";

describe("describeFailures", () => {
  it("names each severity that has failures, most severe first", () => {
    expect(describeFailures({ critical: 1, high: 2, medium: 14, low: 0 })).toBe("1 critical, 2 high and 14 medium open failures");
    expect(describeFailures({ critical: 0, high: 0, medium: 0, low: 3 })).toBe("3 low open failures");
  });

  it("says one failure in the singular and none in words", () => {
    expect(describeFailures({ critical: 1, high: 0, medium: 0, low: 0 })).toBe("1 critical open failure");
    expect(describeFailures(NO_FAILURES)).toBe("no open failures");
  });
});
