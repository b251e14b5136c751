import { describe, expect, it } from "vitest";
import { formatChange, scoreBand, scoreChange } from "./score-scale";

describe("scoreBand", () => {
  it.each([
    [null, "none"],
    [undefined, "none"],
    [0, "low"],
    [49, "low"],
    [50, "medium"],
    [79, "medium"],
    [80, "high"],
    [100, "high"],
  ] as const)("puts %s in the %s band", (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });
});

describe("score change", () => {
  it.each([
    [70, 65, 5, "+5"],
    [60, 63, -3, "\u22123"],
    [60, 60, 0, "±0"],
    [60, null, null, ""],
    [null, 60, null, ""],
  ] as const)("from %s to %s is %s (%j)", (current, previous, change, text) => {
    expect(scoreChange(current, previous)).toBe(change);
    expect(formatChange(scoreChange(current, previous))).toBe(text);
  });
});
