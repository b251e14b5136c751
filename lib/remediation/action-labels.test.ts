import { describe, expect, it } from "vitest";
import { actionsFor } from "./action-labels";

describe("actionsFor", () => {
  it.each([
    ["open", ["start", "mark_done", "accept_risk", "assign", "set_due_date", "add_note"]],
    ["in_progress", ["stop", "mark_done", "accept_risk", "assign", "set_due_date", "add_note"]],
    ["done", ["reopen", "accept_risk", "assign", "set_due_date", "add_note"]],
    ["risk_accepted", ["reopen", "accept_risk", "assign", "set_due_date", "add_note"]],
    ["verified", ["assign", "set_due_date", "add_note"]],
    ["fixed", ["assign", "set_due_date", "add_note"]],
  ] as const)("offers a %s item %o", (state, expected) => {
    expect(actionsFor({ state })).toEqual(expected);
  });
});
