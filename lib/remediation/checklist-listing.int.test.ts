import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { findAssignableUser, listAssignableUsers } from "@/lib/db/assignable-users";
import { changeChecklistItems } from "./checklist-store";
import { getAccountChecklist, getAccountChecklistRows, getOrganizationChecklist } from "./checklist-read";
import { collect, itemsByName, rootKeyFinding, T0, userFinding } from "./testing/checklist-factories";
import { db } from "@/lib/db/client";
import { clearScorecardTables, insertAccount } from "@/lib/db/scorecard-test-factories";

async function insertUser(email: string, name: string, fields: { banned?: boolean; banExpires?: Date | null } = {}) {
  await db().authUser.create({ data: { id: randomUUID(), email, name, role: "editor", ...fields } });
}

describe("checklist listing reads", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => {
    await clearScorecardTables();
    await db().authUser.deleteMany();
  });

  it("reads every item of an account without evidence or history, as the full read has it", async () => {
    const account = await insertAccount({ name: "Prod" });
    const aws = account.awsAccountId;
    await collect(account, T0, [rootKeyFinding(aws, "fail"), userFinding(aws, "alice", "fail"), userFinding(aws, "bob", "pass")]);
    const read = await getAccountChecklistRows(aws);
    const full = await getAccountChecklist(aws);
    expect(read!.account).toEqual(full!.account);
    expect(read!.rows).toEqual(full!.items.map(({ evidence: _evidence, history: _history, ...row }) => row));
    expect(read!.rows.map((row) => [row.resourceName, row.state, row.severity, row.checkResources])).toEqual([
      ["root", "open", "critical", 1],
      ["alice", "open", "high", 2],
    ]);
    expect(read!.rows.every((row) => !("evidence" in row) && !("history" in row))).toBe(true);
    expect(await getAccountChecklistRows("999999999999")).toBeUndefined();
  });

  it("records and reads back what an assignment and a due date replaced", async () => {
    const account = await insertAccount();
    const aws = account.awsAccountId;
    await collect(account, T0, [userFinding(aws, "alice", "fail")]);
    const id = (await itemsByName(aws)).get("alice")!.id;
    const change = (event: Parameters<typeof changeChecklistItems>[0]["event"]) => changeChecklistItems({ awsAccountId: aws, itemIds: [id], event, actor: "ann@example.com", comment: null });
    await change({ type: "assign", at: T0, assignee: "dana@example.com" });
    await change({ type: "assign", at: T0, assignee: "sam@example.com" });
    await change({ type: "assign", at: T0, assignee: null });
    await change({ type: "set_due_date", at: T0, dueOn: "2026-12-20" });
    await change({ type: "set_due_date", at: T0, dueOn: null });
    await change({ type: "accept_risk", at: T0, reason: "vendor", expiresOn: "2027-01-31" });
    const history = (await itemsByName(aws)).get("alice")!.history;
    expect(history.map((entry) => [entry.action, entry.details])).toEqual([
      ["created", undefined],
      ["assign", { assignee: "dana@example.com", previousAssignee: null }],
      ["assign", { assignee: "sam@example.com", previousAssignee: "dana@example.com" }],
      ["assign", { assignee: null, previousAssignee: "sam@example.com" }],
      ["set_due_date", { dueOn: "2026-12-20", previousDueOn: null }],
      ["set_due_date", { dueOn: null, previousDueOn: "2026-12-20" }],
      ["accept_risk", { expiresOn: "2027-01-31" }],
    ]);
  });

  it("pages the organization's overdue items, oldest due date first, with the total on every page", async () => {
    const account = await insertAccount({ name: "Prod" });
    const aws = account.awsAccountId;
    await collect(account, T0, ["a", "b", "c", "d", "e"].map((name) => userFinding(aws, name, "fail")));
    const items = await itemsByName(aws);
    const due = [["a", "2026-11-05"], ["b", "2026-11-01"], ["c", "2026-11-03"], ["d", "2026-11-02"], ["e", "2026-11-04"]] as const;
    for (const [name, dueOn] of due) {
      await changeChecklistItems({ awsAccountId: aws, itemIds: [items.get(name)!.id], event: { type: "set_due_date", at: T0, dueOn }, actor: "ann", comment: null });
    }
    const page = async (overduePage: number) => {
      const read = await getOrganizationChecklist(T0, { overduePage, overduePageSize: 2 });
      return [read.overdue.map((item) => item.resourceName), read.overdueTotal];
    };
    expect(await page(1)).toEqual([["b", "d"], 5]);
    expect(await page(2)).toEqual([["c", "e"], 5]);
    expect(await page(3)).toEqual([["a"], 5]);
    expect(await page(4)).toEqual([[], 5]);
    // Without paging options (the weekly digest), the first 200.
    expect((await getOrganizationChecklist(T0)).overdue).toHaveLength(5);
  });

  it("offers every user who can sign in, by name, and finds one by email whatever its case", async () => {
    await insertUser("sam@example.com", "Sam Okafor");
    await insertUser("dana@example.com", "Dana Reyes");
    await insertUser("gone@example.com", "Gone Person", { banned: true });
    await insertUser("back@example.com", "Back Again", { banned: true, banExpires: new Date(Date.now() - 60_000) });
    expect(await listAssignableUsers()).toEqual([
      { email: "back@example.com", name: "Back Again" },
      { email: "dana@example.com", name: "Dana Reyes" },
      { email: "sam@example.com", name: "Sam Okafor" },
    ]);
    expect(await findAssignableUser(" Dana@Example.com ")).toEqual({ email: "dana@example.com", name: "Dana Reyes" });
    expect(await findAssignableUser("gone@example.com")).toBeNull();
    expect(await findAssignableUser("nobody@example.com")).toBeNull();
  });
});
