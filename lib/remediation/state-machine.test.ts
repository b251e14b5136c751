import { describe, expect, it } from "vitest";
import { transition, type ChecklistEvent, type ChecklistItemState } from "./state-machine";
import { CHECKLIST_STATES, type ChecklistState } from "./states";

const CLAIMED_AT = new Date("2026-11-20T10:00:00Z");
const LATER = new Date("2026-11-21T10:00:00Z");

function item(state: ChecklistState, fields: Partial<ChecklistItemState> = {}): ChecklistItemState {
  const risk = state === "risk_accepted" ? { riskReason: "legacy vendor", riskExpiresOn: "2026-11-21" } : {};
  return { state, reopenMark: null, stateChangedAt: CLAIMED_AT, assignee: null, dueOn: null, riskReason: null, riskExpiresOn: null, ...risk, ...fields };
}

const EVENTS: Record<string, ChecklistEvent> = {
  start: { type: "start", at: LATER },
  stop: { type: "stop", at: LATER },
  mark_done: { type: "mark_done", at: LATER },
  reopen: { type: "reopen", at: LATER },
  accept_risk: { type: "accept_risk", at: LATER, reason: "vendor integration, replaced in Q1", expiresOn: "2027-03-31" },
  finding_failed: { type: "finding_failed", at: LATER },
  finding_passed: { type: "finding_passed", at: LATER, resourceGone: false },
  acceptance_expired: { type: "acceptance_expired", at: LATER },
};

type Outcome = ChecklistState | `${ChecklistState}+${string}` | "unchanged" | "invalid_transition";

/** Every state × every state-changing event: the whole machine in one table. */
const MATRIX: Record<ChecklistState, Record<keyof typeof EVENTS, Outcome>> = {
  open: {
    start: "in_progress",
    stop: "invalid_transition",
    mark_done: "done",
    reopen: "invalid_transition",
    accept_risk: "risk_accepted",
    finding_failed: "unchanged",
    finding_passed: "fixed",
    acceptance_expired: "invalid_transition",
  },
  in_progress: {
    start: "invalid_transition",
    stop: "open",
    mark_done: "done",
    reopen: "invalid_transition",
    accept_risk: "risk_accepted",
    finding_failed: "unchanged",
    finding_passed: "fixed",
    acceptance_expired: "invalid_transition",
  },
  done: {
    start: "invalid_transition",
    stop: "invalid_transition",
    mark_done: "invalid_transition",
    reopen: "open",
    accept_risk: "risk_accepted",
    finding_failed: "open+claimed_fixed_still_failing",
    finding_passed: "verified",
    acceptance_expired: "invalid_transition",
  },
  risk_accepted: {
    start: "invalid_transition",
    stop: "invalid_transition",
    mark_done: "invalid_transition",
    reopen: "open",
    accept_risk: "risk_accepted",
    finding_failed: "unchanged",
    finding_passed: "fixed",
    acceptance_expired: "open+risk_acceptance_expired",
  },
  verified: {
    start: "invalid_transition",
    stop: "invalid_transition",
    mark_done: "invalid_transition",
    reopen: "invalid_transition",
    accept_risk: "invalid_transition",
    finding_failed: "open+regressed",
    finding_passed: "unchanged",
    acceptance_expired: "invalid_transition",
  },
  fixed: {
    start: "invalid_transition",
    stop: "invalid_transition",
    mark_done: "invalid_transition",
    reopen: "invalid_transition",
    accept_risk: "invalid_transition",
    finding_failed: "open+regressed",
    finding_passed: "unchanged",
    acceptance_expired: "invalid_transition",
  },
};

const cases = CHECKLIST_STATES.flatMap((state) =>
  Object.keys(EVENTS).map((event) => [state, event, MATRIX[state][event]!] as const),
);

describe("transition", () => {
  it.each(cases)("%s + %s → %s", (state, eventName, expected) => {
    const before = item(state);
    const result = transition(before, EVENTS[eventName]!);
    if (expected === "invalid_transition") {
      expect(result).toMatchObject({ ok: false, error: { code: "invalid_transition" } });
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    if (expected === "unchanged") {
      expect(result.changed).toBe(false);
      expect(result.item).toEqual(before);
      return;
    }
    const [to, mark] = expected.split("+");
    expect(result.changed).toBe(true);
    expect(result.item.state).toBe(to);
    expect(result.item.reopenMark).toBe(mark ?? null);
    expect(result.item.stateChangedAt).toEqual(LATER);
  });

  it("never mutates the item it is given", () => {
    const before = item("done");
    const copy = structuredClone(before);
    transition(before, EVENTS.finding_failed!);
    expect(before).toEqual(copy);
  });
});

describe("claimed fixes", () => {
  it("keeps a done item done when the failing data was collected before the claim", () => {
    const result = transition(item("done"), { type: "finding_failed", at: new Date("2026-11-20T09:59:00Z") });
    expect(result).toEqual({ ok: true, changed: false, item: item("done") });
  });

  it("verifies a done item whose resource is gone", () => {
    const result = transition(item("done"), { type: "finding_passed", at: LATER, resourceGone: true });
    expect(result.ok && result.item.state).toBe("verified");
  });

  it("clears the reopen mark when the item is claimed done again", () => {
    const result = transition(item("open", { reopenMark: "claimed_fixed_still_failing" }), EVENTS.mark_done!);
    expect(result.ok && result.item).toMatchObject({ state: "done", reopenMark: null });
  });

  it.each(["start", "stop"] as const)("keeps the reopen mark visible on %s", (eventName) => {
    const from = eventName === "start" ? "open" : "in_progress";
    const result = transition(item(from, { reopenMark: "claimed_fixed_still_failing" }), EVENTS[eventName]!);
    expect(result.ok && result.item.reopenMark).toBe("claimed_fixed_still_failing");
  });
});

describe("risk acceptance", () => {
  it("records the reason and expiry", () => {
    const result = transition(item("open"), { type: "accept_risk", at: LATER, reason: "  decommissioned in March  ", expiresOn: "2027-03-31" });
    expect(result.ok && result.item).toMatchObject({ state: "risk_accepted", riskReason: "decommissioned in March", riskExpiresOn: "2027-03-31" });
  });

  it.each([
    ["", "2027-03-31", "reason_required"],
    ["   ", "2027-03-31", "reason_required"],
    ["x".repeat(5001), "2027-03-31", "too_long"],
    ["ok", "", "invalid_date"],
    ["ok", "2027-02-30", "invalid_date"],
    ["ok", "31/03/2027", "invalid_date"],
    ["ok", "2026-11-21", "expiry_not_in_future"],
    ["ok", "2026-11-01", "expiry_not_in_future"],
  ])("refuses reason %j with expiry %j (%s)", (reason, expiresOn, code) => {
    expect(transition(item("open"), { type: "accept_risk", at: LATER, reason, expiresOn })).toMatchObject({ ok: false, error: { code } });
  });

  it("extends an acceptance with a new reason and expiry", () => {
    const result = transition(item("risk_accepted"), { type: "accept_risk", at: LATER, reason: "extended", expiresOn: "2027-06-30" });
    expect(result.ok && result.item).toMatchObject({ riskReason: "extended", riskExpiresOn: "2027-06-30" });
  });

  it("reopens on the expiry day, not before", () => {
    const accepted = item("risk_accepted", { riskExpiresOn: "2026-12-01" });
    expect(transition(accepted, { type: "acceptance_expired", at: new Date("2026-11-30T23:59:59Z") })).toMatchObject({ ok: false, error: { code: "not_expired" } });
    const result = transition(accepted, { type: "acceptance_expired", at: new Date("2026-12-01T00:00:00Z") });
    expect(result.ok && result.item).toMatchObject({ state: "open", reopenMark: "risk_acceptance_expired", riskReason: null, riskExpiresOn: null });
  });

  it("forgets the acceptance when the item closes or reopens", () => {
    for (const event of [EVENTS.finding_passed!, EVENTS.reopen!]) {
      const result = transition(item("risk_accepted"), event);
      expect(result.ok && [result.item.riskReason, result.item.riskExpiresOn]).toEqual([null, null]);
    }
  });
});

describe("edits that keep the state", () => {
  it.each(CHECKLIST_STATES)("assigns and unassigns a %s item", (state) => {
    const assigned = transition(item(state), { type: "assign", at: LATER, assignee: "  alice@example.com " });
    expect(assigned.ok && assigned.item).toMatchObject({ state, assignee: "alice@example.com", stateChangedAt: CLAIMED_AT });
    const cleared = transition(item(state, { assignee: "alice" }), { type: "assign", at: LATER, assignee: "" });
    expect(cleared.ok && cleared.item.assignee).toBeNull();
  });

  it("reports assigning the same person as no change", () => {
    expect(transition(item("open", { assignee: "bob" }), { type: "assign", at: LATER, assignee: "bob" })).toMatchObject({ ok: true, changed: false });
  });

  it.each([
    ["2026-12-15", { ok: true }],
    [null, { ok: true }],
    ["2026-13-01", { ok: false, error: { code: "invalid_date" } }],
  ])("sets due date %j", (dueOn, expected) => {
    const result = transition(item("open"), { type: "set_due_date", at: LATER, dueOn });
    expect(result).toMatchObject(expected);
    if (result.ok) expect(result.item.dueOn).toBe(dueOn);
  });

  it("accepts a note without changing the item, and refuses an empty one", () => {
    expect(transition(item("verified"), { type: "add_note", at: LATER, note: "checked with the team" })).toEqual({ ok: true, changed: false, item: item("verified") });
    expect(transition(item("open"), { type: "add_note", at: LATER, note: " " })).toMatchObject({ ok: false, error: { code: "note_required" } });
  });
});
