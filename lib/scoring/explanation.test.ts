import { describe, expect, it } from "vitest";
import { SCORING_EXPLANATION } from "./explanation";
import { SEVERITY_WEIGHTS } from "./score";

describe("SCORING_EXPLANATION", () => {
  it("states the weights the code uses", () => {
    for (const [severity, weight] of Object.entries(SEVERITY_WEIGHTS)) {
      expect(SCORING_EXPLANATION).toContain(`${severity} ${weight}`);
    }
  });

  it("says that unknown never counts as a pass", () => {
    expect(SCORING_EXPLANATION).toMatch(/unknown[^.]*never count as a pass/);
  });

  it("states the age rule for access keys and that one failing check can set an exercise to 0", () => {
    expect(SCORING_EXPLANATION).toContain("an access key older than 90 days is a medium failure, and one older than a year is a high failure");
    expect(SCORING_EXPLANATION).toContain("one failing check can set a whole exercise to 0");
  });
});
