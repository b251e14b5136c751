import { describe, expect, it } from "vitest";
import type { ChecklistHistoryEntry } from "./checklist-view";
import { describeHistoryEntry, parseHistoryDetails } from "./history-wording";
import { nameLookup, personLabel } from "./people";

const nameOf = nameLookup([
  { email: "dana@example.com", name: "Dana Reyes" },
  { email: "sam@example.com", name: "Sam Okafor" },
]);

const entry = (fields: Partial<ChecklistHistoryEntry>) => ({ action: "start", fromState: "open" as const, toState: "open" as const, ...fields });

describe("describeHistoryEntry", () => {
  it.each([
    [{ action: "assign", details: { assignee: "dana@example.com", previousAssignee: null } }, ["Assigned to Dana Reyes (was unassigned)"]],
    [{ action: "assign", details: { assignee: "sam@example.com", previousAssignee: "dana@example.com" } }, ["Assigned to Sam Okafor (was Dana Reyes)"]],
    [{ action: "assign", details: { assignee: null, previousAssignee: "dana@example.com" } }, ["Unassigned (was Dana Reyes)"]],
    // Recorded before previous values were kept: the new value only; someone no longer a user by their recorded name.
    [{ action: "assign", details: { assignee: "sec-team" } }, ["Assigned to sec-team"]],
    [{ action: "set_due_date", details: { dueOn: "2026-12-20", previousDueOn: null } }, ["Due date set to 2026-12-20 (was none)"]],
    [{ action: "set_due_date", details: { dueOn: null, previousDueOn: "2026-12-20" } }, ["Due date cleared (was 2026-12-20)"]],
    [{ action: "set_due_date", details: { dueOn: "2027-01-10", previousDueOn: "2026-12-20" } }, ["Due date set to 2027-01-10 (was 2026-12-20)"]],
    [{ action: "start", fromState: "open", toState: "in_progress" }, ["State: open → in progress"]],
    [{ action: "mark_done", fromState: "in_progress", toState: "done" }, ["Marked done", "State: in progress → done (claimed fixed)"]],
    [{ action: "accept_risk", fromState: "open", toState: "risk_accepted", details: { expiresOn: "2027-03-01" } }, ["Risk accepted until 2027-03-01", "State: open → risk accepted"]],
    [{ action: "created", fromState: null, toState: "open" }, ["Opened by a collection"]],
    [{ action: "finding_failed", fromState: "done", toState: "open" }, ["Reopened by a collection", "State: done (claimed fixed) → open"]],
    [{ action: "finding_passed", fromState: "done", toState: "verified" }, ["Closed by a collection", "State: done (claimed fixed) → verified"]],
    [{ action: "add_note", fromState: "open", toState: "open" }, ["Note added"]],
    [{ action: "sandbox_fix", fromState: "open", toState: "open" }, ["Fix applied in the sandbox"]],
  ] as const)("%o reads %o", (fields, expected) => {
    expect(describeHistoryEntry(entry(fields as Partial<ChecklistHistoryEntry>), nameOf)).toEqual(expected);
  });

  it("never shows the stored action's code for an action it does not know", () => {
    expect(describeHistoryEntry(entry({ action: "some_future_event", fromState: "open", toState: "open" }), nameOf)).toEqual(["Changed"]);
  });
});

describe("parseHistoryDetails", () => {
  it("keeps assignments, due dates and expiries, and drops other shapes", () => {
    expect(parseHistoryDetails({ assignee: "dana@example.com", previousAssignee: null })).toEqual({ assignee: "dana@example.com", previousAssignee: null });
    expect(parseHistoryDetails({ mutations: [{ kind: "x" }] })).toBeUndefined();
    expect(parseHistoryDetails(null)).toBeUndefined();
    expect(parseHistoryDetails("text")).toBeUndefined();
  });
});

describe("people", () => {
  it("labels a user by name and email, and a name that is the email once", () => {
    expect(personLabel({ email: "dana@example.com", name: "Dana Reyes" })).toBe("Dana Reyes (dana@example.com)");
    expect(personLabel({ email: "dana@example.com", name: "DANA@example.com" })).toBe("dana@example.com");
    expect(personLabel({ email: "dana@example.com", name: " " })).toBe("dana@example.com");
  });

  it("finds names by email whatever its case, and shows an unknown email as recorded", () => {
    expect(nameOf("Dana@Example.com")).toBe("Dana Reyes");
    expect(nameOf("iamfit")).toBe("iamfit");
  });
});
