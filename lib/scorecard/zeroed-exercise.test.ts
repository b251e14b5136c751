import { describe, expect, it } from "vitest";
import { getCheck } from "@/lib/checks/registry";
import { explainZeroedExercise, zeroedExerciseReason, zeroedExerciseSentence } from "./zeroed-exercise";

const check = (checkId: string, passed: number, failed: number) => ({ checkId, exercise: 6, passed, failed });
const PASSWORD_POLICY = getCheck("password-policy.strong")!.title;
const ROTATED = getCheck("keys.rotated")!.title;

describe("explainZeroedExercise", () => {
  it("names the one failing check when the exercise's other checks judged nothing", () => {
    const zeroed = explainZeroedExercise(0, [check("keys.rotated", 0, 0), check("keys.single-active", 0, 0), check("credentials.unused", 0, 0), check("password-policy.strong", 0, 1)]);
    expect(zeroed).toEqual({ kind: "one-check", checkId: "password-policy.strong", title: PASSWORD_POLICY, failed: 1, unjudgedChecks: 3 });
    expect(zeroedExerciseSentence(zeroed!)).toBe(`One failing check sets this exercise to 0: ${PASSWORD_POLICY}.`);
    expect(zeroedExerciseReason(zeroed!)).toBe(
      "It failed on the one resource it judged, and the other 3 checks had nothing to judge here (unknown or not applicable), so this check alone decides the exercise. Fixing it raises the score.",
    );
  });

  it("lists every check when several judged and all failed", () => {
    const zeroed = explainZeroedExercise(0, [check("keys.rotated", 0, 4), check("password-policy.strong", 0, 1), check("credentials.unused", 0, 0)]);
    expect(zeroed).toEqual({
      kind: "every-check",
      checks: [
        { checkId: "keys.rotated", title: ROTATED },
        { checkId: "password-policy.strong", title: PASSWORD_POLICY },
      ],
    });
    expect(zeroedExerciseSentence(zeroed!)).toBe(`Every check that could be judged fails, which sets this exercise to 0: ${ROTATED}; ${PASSWORD_POLICY}.`);
  });

  it("says nothing when the score is not 0, or rounds to 0 with a pass somewhere, or nothing was judged", () => {
    expect(explainZeroedExercise(40, [check("password-policy.strong", 0, 1), check("keys.rotated", 2, 0)])).toBeNull();
    expect(explainZeroedExercise(null, [check("password-policy.strong", 0, 0)])).toBeNull();
    expect(explainZeroedExercise(0, [check("keys.rotated", 1, 300)])).toBeNull();
    expect(explainZeroedExercise(0, [])).toBeNull();
  });

  it("says how many resources failed when the only check of an exercise failed on several", () => {
    const zeroed = explainZeroedExercise(0, [check("keys.rotated", 0, 5)]);
    expect(zeroedExerciseReason(zeroed!)).toBe("It failed on all 5 resources it judged, and it is the only check of this exercise.");
  });
});
