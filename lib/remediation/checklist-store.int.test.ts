import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Finding } from "@/lib/checks/types";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { changeChecklistItems, recordSandboxFix } from "./checklist-store";
import { getAccountChecklist, getOrganizationChecklist } from "./checklist-read";
import { collect, eventCount, itemsByName, rootKeyFinding, T0, userFinding } from "./testing/checklist-factories";
import { db } from "@/lib/db/client";
import { clearScorecardTables, insertAccount } from "@/lib/db/scorecard-test-factories";

const DAY = 24 * 60 * 60 * 1000;

describe("checklists through collections", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(clearScorecardTables);

  it("opens items for failures, verifies claimed fixes, reopens claims that still fail and closes untouched passes as fixed", async () => {
    const account = await insertAccount({ name: "Prod" });
    const aws = account.awsAccountId;
    const run1 = await collect(account, T0, [
      rootKeyFinding(aws, "fail"),
      userFinding(aws, "alice", "fail"),
      userFinding(aws, "bob", "fail"),
      userFinding(aws, "carol", "fail"),
      userFinding(aws, "dave", "pass"),
    ]);
    let items = await itemsByName(aws);
    expect([...items.keys()].sort()).toEqual(["alice", "bob", "carol", "root"]);
    expect(items.get("alice")).toMatchObject({ state: "open", currentStatus: "fail", checkResources: 4, evidence: { user: "alice", mfa_active: false } });
    expect(items.get("root")!.history).toEqual([
      { at: T0.toISOString(), actor: "iamfit", action: "created", fromState: null, toState: "open", reason: `First seen failing in collection #${run1}: The root user has 1 active access key (key 1).` },
    ]);

    const claimedAt = new Date(T0.getTime() + DAY);
    const done = await changeChecklistItems({ awsAccountId: aws, itemIds: [items.get("root")!.id, items.get("alice")!.id], event: { type: "mark_done", at: claimedAt }, actor: "ann@example.com", comment: "fixed it" });
    expect(done).toEqual({ changed: [items.get("root")!.id, items.get("alice")!.id].sort(), unchanged: [], refused: [], missing: [] });

    const run2 = await collect(account, new Date(T0.getTime() + 2 * DAY), [
      rootKeyFinding(aws, "pass"),
      userFinding(aws, "alice", "fail"),
      userFinding(aws, "bob", "pass"),
      userFinding(aws, "carol", "fail"),
      userFinding(aws, "dave", "fail"),
    ]);
    items = await itemsByName(aws);
    expect(Object.fromEntries([...items].map(([name, item]) => [name, [item.state, item.reopenMark]]))).toEqual({
      root: ["verified", null],
      alice: ["open", "claimed_fixed_still_failing"],
      bob: ["fixed", null],
      carol: ["open", null],
      dave: ["open", null],
    });
    expect(items.get("alice")!.history.map((entry) => [entry.actor, entry.action, entry.fromState, entry.toState, entry.reason])).toEqual([
      ["iamfit", "created", null, "open", `First seen failing in collection #${run1}: alice has a console password and no MFA`],
      ["ann@example.com", "mark_done", "open", "done", "fixed it"],
      ["iamfit", "finding_failed", "done", "open", `Claimed fixed, but still failing in collection #${run2}: alice has a console password and no MFA`],
    ]);
  });

  it("stores every column of a new item and its first event", async () => {
    const account = await insertAccount();
    const aws = account.awsAccountId;
    const regional: Finding = { ...userFinding(aws, "web", "fail", "ec2.imdsv2"), exercise: 7, resourceType: "instance", region: "eu-west-1" };
    const runId = await collect(account, T0, [userFinding(aws, "alice", "fail"), regional]);
    const items = await db().checklistItem.findMany({ where: { accountId: account.id }, include: { events: true }, orderBy: { checkId: "asc" } });
    expect(items.map(({ id: _id, evidenceHash, createdAt: _created, updatedAt: _updated, events, ...columns }) => ({
      ...columns,
      evidenceHash: Buffer.from(evidenceHash).toString("hex").length,
      events: events.map(({ id: _eventId, itemId: _itemId, ...event }) => event),
    }))).toEqual([
      {
        accountId: account.id, checkId: "ec2.imdsv2", resourceId: regional.resourceId, exercise: 7, resourceType: "instance", resourceName: "web",
        region: "eu-west-1", severity: "high", reason: regional.reason, evidenceHash: 64, state: "open", reopenMark: null, stateChangedAt: T0,
        assignee: null, dueOn: null, riskReason: null, riskExpiresOn: null, firstRunId: runId,
        events: [{ at: T0, actor: "iamfit", action: "created", fromState: null, toState: "open", reason: `First seen failing in collection #${runId}: ${regional.reason}`, details: null, runId }],
      },
      {
        accountId: account.id, checkId: "users.console-mfa", resourceId: `arn:aws:iam::${aws}:user/alice`, exercise: 2, resourceType: "user", resourceName: "alice",
        region: null, severity: "high", reason: "alice has a console password and no MFA", evidenceHash: 64, state: "open", reopenMark: null, stateChangedAt: T0,
        assignee: null, dueOn: null, riskReason: null, riskExpiresOn: null, firstRunId: runId,
        events: [{ at: T0, actor: "iamfit", action: "created", fromState: null, toState: "open", reason: `First seen failing in collection #${runId}: alice has a console password and no MFA`, details: null, runId }],
      },
    ]);
  });

  it("reopens a risk acceptance when it expires, and a closed item when it fails again", async () => {
    const account = await insertAccount();
    const aws = account.awsAccountId;
    await collect(account, T0, [userFinding(aws, "bob", "fail"), userFinding(aws, "carol", "fail")]);
    const items = await itemsByName(aws);
    const accepted = await changeChecklistItems({
      awsAccountId: aws,
      itemIds: [items.get("bob")!.id],
      event: { type: "accept_risk", at: T0, reason: "shared kiosk account, replaced in December", expiresOn: "2026-12-01" },
      actor: "ann",
      comment: "shared kiosk account, replaced in December",
    });
    expect(accepted.changed).toHaveLength(1);
    await collect(account, new Date("2026-11-25T12:00:00Z"), [userFinding(aws, "bob", "fail"), userFinding(aws, "carol", "pass")]);
    let now = await itemsByName(aws);
    expect(now.get("bob")).toMatchObject({ state: "risk_accepted", riskReason: "shared kiosk account, replaced in December", riskExpiresOn: "2026-12-01" });
    expect(now.get("carol")!.state).toBe("fixed");

    await collect(account, new Date("2026-12-01T06:00:00Z"), [userFinding(aws, "bob", "fail"), userFinding(aws, "carol", "fail")]);
    now = await itemsByName(aws);
    expect(now.get("bob")).toMatchObject({ state: "open", reopenMark: "risk_acceptance_expired", riskReason: null, riskExpiresOn: null });
    expect(now.get("carol")).toMatchObject({ state: "open", reopenMark: "regressed" });
    expect(await db().checklistItem.count()).toBe(2);
  });

  it("changes nothing when a check cannot judge the account, and writes nothing when nothing changed", async () => {
    const account = await insertAccount();
    const aws = account.awsAccountId;
    await collect(account, T0, [userFinding(aws, "alice", "fail")]);
    const before = await eventCount();
    await collect(account, new Date(T0.getTime() + DAY), [userFinding(aws, "alice", "fail")]);
    const unknownForAccount: Finding = { ...userFinding(aws, aws, "unknown"), resourceId: `arn:aws:iam::${aws}:root`, resourceType: "account" };
    await collect(account, new Date(T0.getTime() + 2 * DAY), [unknownForAccount]);
    expect(await eventCount()).toBe(before);
    const alice = (await itemsByName(aws)).get("alice")!;
    expect(alice).toMatchObject({ state: "open", currentStatus: null });
  });

  it("closes items whose resource is gone", async () => {
    const account = await insertAccount();
    const aws = account.awsAccountId;
    await collect(account, T0, [userFinding(aws, "alice", "fail"), userFinding(aws, "bob", "fail")]);
    const items = await itemsByName(aws);
    await changeChecklistItems({ awsAccountId: aws, itemIds: [items.get("bob")!.id], event: { type: "mark_done", at: T0 }, actor: "ann", comment: null });
    await collect(account, new Date(T0.getTime() + DAY), [userFinding(aws, "carol", "pass")]);
    const after = await itemsByName(aws);
    expect([after.get("alice")!.state, after.get("bob")!.state]).toEqual(["fixed", "verified"]);
  });
});

describe("people's changes", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(clearScorecardTables);

  it("refuses transitions the state machine does not allow and ids of other accounts, item by item", async () => {
    const prod = await insertAccount({ name: "Prod" });
    const dev = await insertAccount({ name: "Dev" });
    await collect(prod, T0, [userFinding(prod.awsAccountId, "alice", "fail"), userFinding(prod.awsAccountId, "bob", "fail")]);
    await collect(dev, T0, [userFinding(dev.awsAccountId, "eve", "fail")]);
    const prodItems = await itemsByName(prod.awsAccountId);
    const devItems = await itemsByName(dev.awsAccountId);
    await changeChecklistItems({ awsAccountId: prod.awsAccountId, itemIds: [prodItems.get("alice")!.id], event: { type: "start", at: T0 }, actor: "ann", comment: null });
    const result = await changeChecklistItems({
      awsAccountId: prod.awsAccountId,
      itemIds: [prodItems.get("alice")!.id, prodItems.get("bob")!.id, devItems.get("eve")!.id],
      event: { type: "start", at: T0 },
      actor: "ann",
      comment: null,
    });
    expect(result.changed).toEqual([prodItems.get("bob")!.id]);
    expect(result.refused).toEqual([{ itemId: prodItems.get("alice")!.id, error: { code: "invalid_transition", message: "An item that is in progress cannot be started." } }]);
    expect(result.missing).toEqual([devItems.get("eve")!.id]);
    expect((await itemsByName(dev.awsAccountId)).get("eve")!.state).toBe("open");
  });

  it("records assignee, due date, notes and sandbox fixes with who and why", async () => {
    const account = await insertAccount();
    const aws = account.awsAccountId;
    await collect(account, T0, [userFinding(aws, "alice", "fail")]);
    const id = (await itemsByName(aws)).get("alice")!.id;
    const change = (event: Parameters<typeof changeChecklistItems>[0]["event"], comment: string | null = null) =>
      changeChecklistItems({ awsAccountId: aws, itemIds: [id], event, actor: "ann", comment });
    await change({ type: "assign", at: T0, assignee: "sec-team" });
    await change({ type: "set_due_date", at: T0, dueOn: "2026-11-21" });
    await change({ type: "add_note", at: T0, note: "asked alice to enrol" }, "asked alice to enrol");
    await recordSandboxFix({ awsAccountId: aws, itemId: id, actor: "ann", at: T0, summary: "enabled virtual MFA device for alice", mutations: [] });
    const alice = (await itemsByName(aws)).get("alice")!;
    expect(alice).toMatchObject({ assignee: "sec-team", dueOn: "2026-11-21", state: "open" });
    const one = await getAccountChecklist(aws, { itemIds: [id] });
    expect(one!.items.map((item) => [item.id, item.history.length])).toEqual([[id, 5]]);
    expect(await getAccountChecklist("999999999999")).toBeUndefined();
    expect(alice.history.slice(1).map((entry) => [entry.actor, entry.action, entry.reason])).toEqual([
      ["ann", "assign", null],
      ["ann", "set_due_date", null],
      ["ann", "add_note", "asked alice to enrol"],
      ["ann", "sandbox_fix", "Applied in the sandbox: enabled virtual MFA device for alice. The next collection verifies it."],
    ]);
  });

  it("summarises open and overdue items per account for the organization", async () => {
    const prod = await insertAccount({ name: "Prod" });
    const dev = await insertAccount({ name: "Dev" });
    await collect(prod, T0, [rootKeyFinding(prod.awsAccountId, "fail"), userFinding(prod.awsAccountId, "alice", "fail"), userFinding(prod.awsAccountId, "bob", "fail")]);
    await collect(dev, T0, [userFinding(dev.awsAccountId, "eve", "fail")]);
    const prodItems = await itemsByName(prod.awsAccountId);
    await changeChecklistItems({ awsAccountId: prod.awsAccountId, itemIds: [prodItems.get("alice")!.id, prodItems.get("root")!.id], event: { type: "set_due_date", at: T0, dueOn: "2026-11-21" }, actor: "ann", comment: null });
    await changeChecklistItems({ awsAccountId: prod.awsAccountId, itemIds: [prodItems.get("bob")!.id], event: { type: "mark_done", at: T0 }, actor: "ann", comment: null });
    const org = await getOrganizationChecklist(new Date("2026-11-22T08:00:00Z"));
    expect(org.accounts.map((account) => [account.name, account.byState.open, account.byState.done, account.overdue])).toEqual([
      ["Prod", 2, 1, 2],
      ["Dev", 1, 0, 0],
    ]);
    expect(org.overdue.map((item) => [item.resourceName, item.severity, item.dueOn])).toEqual([
      ["root", "critical", "2026-11-21"],
      ["alice", "high", "2026-11-21"],
    ]);
    expect(org.overdueTotal).toBe(2);
    expect((await getOrganizationChecklist(new Date("2026-11-21T23:00:00Z"))).overdueTotal).toBe(0);
  });
});
