import { describe, expect, it } from "vitest";
import { failOnMessage, severitiesAtOrAbove, terminalSafe } from "./scorecard-output";

describe("terminalSafe", () => {
  it.each([
    ["alice", "alice"],
    ["\u001b[31mred\u001b[0m", "\\x1b[31mred\\x1b[0m"],
    ["a\nb\rc", "a\\x0ab\\x0dc"],
    ["\u009b2J", "\\x9b2J"],
    ["<img src=x>", "<img src=x>"],
  ])("shows %j as %j", (value, expected) => {
    expect(terminalSafe(value)).toBe(expected);
  });
});

describe("--fail-on", () => {
  it.each([
    ["critical", ["critical"]],
    ["high", ["critical", "high"]],
    ["low", ["critical", "high", "medium", "low"]],
  ] as const)("%s covers %j", (threshold, expected) => {
    expect(severitiesAtOrAbove(threshold)).toEqual(expected);
  });

  it.each([
    ["high", { critical: 0, high: 0, medium: 4, low: 1 }, undefined],
    ["medium", { critical: 0, high: 0, medium: 4, low: 1 }, "4 failing findings at or above medium (4 medium)"],
    ["high", { critical: 1, high: 2, medium: 4, low: 0 }, "3 failing findings at or above high (1 critical, 2 high)"],
    ["critical", { critical: 1, high: 0, medium: 0, low: 0 }, "1 failing finding at or above critical (1 critical)"],
  ] as const)("at %s with %o says %j", (threshold, counts, expected) => {
    expect(failOnMessage(threshold, counts)).toBe(expected);
  });
});
