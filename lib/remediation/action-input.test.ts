import { describe, expect, it } from "vitest";
import { formFields, parseChecklistAction } from "./action-input";

const AT = new Date("2026-11-23T12:00:00Z");

describe("parseChecklistAction", () => {
  it.each([
    [{ action: "start", itemIds: ["1"] }, { itemIds: ["1"], actor: "anonymous", comment: null, event: { type: "start", at: AT } }],
    [
      { action: "mark_done", itemIds: ["1", "2", "1"], actor: "  Ann ", comment: " rotated today " },
      { itemIds: ["1", "2"], actor: "Ann", comment: "rotated today", event: { type: "mark_done", at: AT } },
    ],
    [
      { action: "accept_risk", itemIds: ["3"], riskReason: "vendor needs it until March", riskExpiresOn: "2027-03-31" },
      { itemIds: ["3"], actor: "anonymous", comment: "vendor needs it until March", event: { type: "accept_risk", at: AT, reason: "vendor needs it until March", expiresOn: "2027-03-31" } },
    ],
    [{ action: "assign", itemIds: ["4"], assignee: "" }, { itemIds: ["4"], actor: "anonymous", comment: null, event: { type: "assign", at: AT, assignee: null } }],
    [{ action: "set_due_date", itemIds: ["4"], dueOn: "" }, { itemIds: ["4"], actor: "anonymous", comment: null, event: { type: "set_due_date", at: AT, dueOn: null } }],
    [{ action: "add_note", itemIds: ["4"], note: "asked the owner" }, { itemIds: ["4"], actor: "anonymous", comment: "asked the owner", event: { type: "add_note", at: AT, note: "asked the owner" } }],
  ])("parses %o", (fields, expected) => {
    expect(parseChecklistAction(fields, AT)).toEqual({ ok: true, value: expected });
  });

  it("'Assign to me' assigns to whoever acts, whatever change the form had chosen and whatever assignee it showed", () => {
    const fields = { assignToMe: "1", action: "add_note", note: "", assignee: "someone@example.com", itemIds: ["5", "6"], actor: "dana@example.com" };
    expect(parseChecklistAction(fields, AT)).toEqual({
      ok: true,
      value: { itemIds: ["5", "6"], actor: "dana@example.com", comment: null, event: { type: "assign", at: AT, assignee: "dana@example.com" } },
    });
  });

  it.each([
    [{ action: "explode", itemIds: ["1"] }, { action: "Choose what to do." }],
    [{ action: "start", itemIds: [] }, { itemIds: "Select at least one item." }],
    [{ action: "start", itemIds: ["1; DROP TABLE"] }, { itemIds: "Not an item id." }],
    [{ action: "accept_risk", itemIds: ["1"], riskReason: " ", riskExpiresOn: "soon" }, { riskReason: "Say why the risk is accepted.", riskExpiresOn: "Use a date (YYYY-MM-DD)." }],
    [{ action: "add_note", itemIds: ["1"], note: "" }, { note: "Write the note." }],
  ])("refuses %o with field errors", (fields, fieldErrors) => {
    expect(parseChecklistAction(fields, AT)).toEqual({ ok: false, fieldErrors });
  });
});

describe("formFields", () => {
  it("collects repeated item ids and drops React's internal fields", () => {
    const form = new FormData();
    form.append("itemId", "1");
    form.append("itemId", "2");
    form.append("action", "start");
    form.append("$ACTION_ID_abc", "");
    expect(formFields(form)).toEqual({ itemIds: ["1", "2"], action: "start" });
  });
});
