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
});
