import { describe, expect, it } from "vitest";
import { describeChange } from "./describe-change";

const refusal = (itemId: string) => ({ itemId, error: { code: "invalid_transition" as const, message: "An item that is verified cannot be marked done." } });

describe("describeChange", () => {
  it.each([
    ["mark_done", { changed: ["1", "2"], unchanged: [], refused: [], missing: [] }, { tone: "success", message: "2 items marked done; the next collection verifies them." }],
    ["assign", { changed: [], unchanged: ["1"], refused: [], missing: [] }, { tone: "success", message: "1 item already as asked." }],
    [
      "mark_done",
      { changed: ["1"], unchanged: [], refused: [refusal("2"), refusal("3")], missing: [] },
      { tone: "success", message: "1 item marked done; the next collection verifies them. 2 items not changed: An item that is verified cannot be marked done." },
    ],
    ["start", { changed: [], unchanged: [], refused: [refusal("2")], missing: ["9"] }, { tone: "error", message: "1 item not changed: An item that is verified cannot be marked done. 1 item not found in this account (reload the page)." }],
  ] as const)("describes %s %o", (event, outcome, expected) => {
    expect(describeChange(event, { ...outcome, refused: [...outcome.refused], changed: [...outcome.changed], unchanged: [...outcome.unchanged], missing: [...outcome.missing] })).toEqual(expected);
  });
});
