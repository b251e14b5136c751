import { describe, expect, it } from "vitest";
import type { FindingStatus } from "@/lib/checks/types";
import { planChecklistSync, type ExistingChecklistItem, type SyncFinding } from "./sync-plan";
import type { ChecklistState } from "./states";

const CONTEXT = { runId: 7n, collectedAt: new Date("2026-11-23T12:00:00Z") };
const BEFORE = new Date("2026-11-22T12:00:00Z");

function finding(resourceName: string, status: FindingStatus, fields: Partial<SyncFinding> = {}): SyncFinding {
  return {
    checkId: "users.console-mfa",
    exercise: 2,
    resourceId: `arn:aws:iam::123456789012:user/${resourceName}`,
    resourceType: "user",
    resourceName,
    status,
    severity: "high",
    evidence: { user: resourceName },
    reason: `${resourceName} has a console password and no MFA`,
    evidenceHash: `hash-${resourceName}`,
    ...fields,
  };
}

let nextId = 1;
function existing(resourceName: string, state: ChecklistState, fields: Partial<ExistingChecklistItem<number>> = {}): ExistingChecklistItem<number> {
  return {
    id: nextId++,
    checkId: "users.console-mfa",
    resourceId: `arn:aws:iam::123456789012:user/${resourceName}`,
    exercise: 2,
    resourceType: "user",
    resourceName,
    region: null,
    severity: "high",
    reason: `${resourceName} has a console password and no MFA`,
    evidenceHash: `hash-${resourceName}`,
    state,
    reopenMark: null,
    stateChangedAt: BEFORE,
    assignee: null,
    dueOn: null,
    riskReason: state === "risk_accepted" ? "accepted" : null,
    riskExpiresOn: state === "risk_accepted" ? "2027-01-01" : null,
    ...fields,
  };
}

describe("planChecklistSync", () => {
  it("adds an open item for each new failing finding only", () => {
    const plan = planChecklistSync([], [finding("alice", "fail"), finding("bob", "pass"), finding("carol", "unknown"), finding("dan", "not_applicable")], CONTEXT);
    expect(plan.update).toEqual([]);
    expect(plan.create).toHaveLength(1);
    expect(plan.create[0]).toMatchObject({
      checkId: "users.console-mfa",
      resourceId: "arn:aws:iam::123456789012:user/alice",
      details: { resourceName: "alice", severity: "high", evidenceHash: "hash-alice", region: null },
      state: { state: "open", stateChangedAt: CONTEXT.collectedAt },
      history: [{ actor: "iamfit", action: "created", fromState: null, toState: "open", runId: 7n }],
    });
    expect(plan.create[0]!.history[0]!.reason).toBe("First seen failing in collection #7: alice has a console password and no MFA");
  });

  it("adds one item when a check reports the same resource twice", () => {
    expect(planChecklistSync([], [finding("alice", "fail"), finding("alice", "fail")], CONTEXT).create).toHaveLength(1);
  });

  it("writes nothing for an item whose finding fails unchanged, even when its reason sentence moved", () => {
    const plan = planChecklistSync([existing("alice", "open")], [finding("alice", "fail", { reason: "alice: 91 days" })], CONTEXT);
    expect(plan).toEqual({ create: [], update: [] });
  });

  it("refreshes the details of a failing item whose evidence or severity changed, without a history entry", () => {
    const item = existing("alice", "in_progress");
    const plan = planChecklistSync([item], [finding("alice", "fail", { severity: "critical", evidenceHash: "hash-2" })], CONTEXT);
    expect(plan.update).toEqual([{ id: item.id, state: null, history: [], details: expect.objectContaining({ severity: "critical", evidenceHash: "hash-2" }) }]);
  });

  it.each([
    ["open", "pass", "fixed", null],
    ["in_progress", "pass", "fixed", null],
    ["risk_accepted", "pass", "fixed", null],
    ["done", "pass", "verified", null],
    ["done", "fail", "open", "claimed_fixed_still_failing"],
    ["verified", "fail", "open", "regressed"],
    ["fixed", "fail", "open", "regressed"],
  ] as const)("moves a %s item whose finding is %s to %s", (state, status, to, mark) => {
    const item = existing("alice", state);
    const plan = planChecklistSync([item], [finding("alice", status)], CONTEXT);
    expect(plan.create).toEqual([]);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]!.state).toMatchObject({ state: to, reopenMark: mark, stateChangedAt: CONTEXT.collectedAt });
    expect(plan.update[0]!.history).toEqual([
      expect.objectContaining({ actor: "iamfit", fromState: state, toState: to, runId: 7n, at: CONTEXT.collectedAt }),
    ]);
  });

  it("says a claimed fix still fails in the history", () => {
    const plan = planChecklistSync([existing("alice", "done")], [finding("alice", "fail")], CONTEXT);
    expect(plan.update[0]!.history[0]!.reason).toBe("Claimed fixed, but still failing in collection #7: alice has a console password and no MFA");
  });

  it.each(["open", "in_progress", "risk_accepted", "done", "verified", "fixed"] as const)("leaves a %s item alone when its finding is unknown", (state) => {
    const plan = planChecklistSync([existing("alice", state)], [finding("alice", "unknown")], CONTEXT);
    expect(plan).toEqual({ create: [], update: [] });
  });

  it("closes items whose resource is gone: done as verified, open as fixed", () => {
    const open = existing("alice", "open");
    const done = existing("bob", "done");
    const plan = planChecklistSync([open, done], [finding("carol", "pass")], CONTEXT);
    expect(plan.update.map((update) => [update.id, update.state?.state])).toEqual([
      [open.id, "fixed"],
      [done.id, "verified"],
    ]);
    expect(plan.update[0]!.history[0]!.reason).toBe("alice is no longer reported by collection #7: the resource is gone, closed as fixed.");
  });

  it("does not take an absent resource as gone while its check could not judge the account", () => {
    const accountUnknown = finding("123456789012", "unknown", { resourceType: "account", resourceId: "arn:aws:iam::123456789012:root" });
    expect(planChecklistSync([existing("alice", "done")], [accountUnknown], CONTEXT)).toEqual({ create: [], update: [] });
  });

  it("does not take an absent resource as gone while its region could not be judged, but does elsewhere", () => {
    const sg = (name: string, region: string) =>
      existing(name, "open", { checkId: "sg.admin-ports-open", resourceType: "security_group", region, resourceId: `arn:aws:ec2:${region}:123456789012:security-group/${name}` });
    const inDisabledRegion = sg("sg-1", "eu-west-1");
    const elsewhere = sg("sg-2", "us-east-1");
    const regionUnknown = finding("eu-west-1", "unknown", { checkId: "sg.admin-ports-open", resourceType: "region", resourceId: "eu-west-1", region: "eu-west-1" });
    const plan = planChecklistSync([inDisabledRegion, elsewhere], [regionUnknown], CONTEXT);
    expect(plan.update.map((update) => [update.id, update.state?.state])).toEqual([[elsewhere.id, "fixed"]]);
  });

  it("reopens an expired risk acceptance that still fails, and keeps one that has not expired", () => {
    const expired = existing("alice", "risk_accepted", { riskExpiresOn: "2026-11-23" });
    const current = existing("bob", "risk_accepted", { riskExpiresOn: "2026-11-24" });
    const plan = planChecklistSync([expired, current], [finding("alice", "fail"), finding("bob", "fail")], CONTEXT);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]).toMatchObject({ id: expired.id, state: { state: "open", reopenMark: "risk_acceptance_expired", riskReason: null } });
    expect(plan.update[0]!.history.map((entry) => [entry.action, entry.reason])).toEqual([["acceptance_expired", "The risk acceptance expired on 2026-11-23."]]);
  });

  it("records both steps when an expired acceptance is found passing: reopened, then fixed", () => {
    const plan = planChecklistSync([existing("alice", "risk_accepted", { riskExpiresOn: "2026-11-01" })], [finding("alice", "pass")], CONTEXT);
    expect(plan.update[0]!.history.map((entry) => [entry.fromState, entry.toState])).toEqual([
      ["risk_accepted", "open"],
      ["open", "fixed"],
    ]);
    expect(plan.update[0]!.state?.state).toBe("fixed");
  });

  it("reopens an expired acceptance even when the finding is unknown", () => {
    const plan = planChecklistSync([existing("alice", "risk_accepted", { riskExpiresOn: "2026-11-01" })], [finding("alice", "unknown")], CONTEXT);
    expect(plan.update[0]!.state).toMatchObject({ state: "open", reopenMark: "risk_acceptance_expired" });
  });

  it("keeps a claimed item's assignee, due date and key when it reopens", () => {
    const item = existing("alice", "done", { assignee: "sec-team", dueOn: "2026-12-01" });
    const plan = planChecklistSync([item], [finding("alice", "fail")], CONTEXT);
    expect(plan.update[0]!.state).toMatchObject({ assignee: "sec-team", dueOn: "2026-12-01" });
    expect(plan.update[0]!.details).toMatchObject({ resourceName: "alice" });
    expect(plan.create).toEqual([]);
  });
});
