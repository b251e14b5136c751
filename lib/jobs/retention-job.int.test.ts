/**
 * The retention job on a real pg-boss: registered with a daily schedule, and a job on its queue
 * prunes what is past the windows.
 */
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { insertAccount, insertRun } from "@/lib/db/scorecard-test-factories";
import { addTestCollection } from "@/lib/db/test-factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { startBoss } from "./boss";
import { RETENTION_QUEUE, registerRetentionJob } from "./retention-job";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("retention job", () => {
  let database: TestDatabase;
  let boss: PgBoss;
  let job: { stop(): Promise<void> };
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    boss = await startBoss(database.url);
    job = await registerRetentionJob(boss, { snapshotDays: 90, historyDays: 400, pollingIntervalSeconds: 1, log: (line) => lines.push(line) });
  });
  afterAll(async () => {
    await job?.stop();
    await boss?.stop({ graceful: false, wait: true, timeout: 5_000 }).catch(() => undefined);
    await database?.drop();
  });

  it("is scheduled once a day", async () => {
    const schedules = await boss.getSchedules();
    expect(schedules.filter((schedule) => schedule.name === RETENTION_QUEUE).map((schedule) => schedule.cron)).toEqual(["17 3 * * *"]);
  });

  it("prunes a collection's snapshot detail past the window when its job runs, and says so in the log", async () => {
    const account = (await insertAccount()).id;
    const manifest = (run: number) => ({ version: 1 as const, accountId: account, regions: [], parts: { users: { status: "skipped" as const, reason: "out_of_scope" as const } }, run });
    const old = await addTestCollection(await insertRun({ createdAt: new Date(Date.now() - 120 * DAY_MS) }), account, { status: "succeeded", manifest: manifest(1) });
    await addTestCollection(await insertRun(), account, { status: "succeeded", manifest: manifest(2) });

    await boss.send(RETENTION_QUEUE, {});
    const deadline = Date.now() + 90_000;
    while ((await db().accountCollection.findUniqueOrThrow({ where: { id: old } })).detailPrunedAt === null) {
      if (Date.now() > deadline) throw new Error("the retention job did not run");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect((await db().accountCollection.findUniqueOrThrow({ where: { id: old } })).manifestHash).toBeNull();
    await expect.poll(() => lines.join("\n")).toMatch(/snapshot details of 1 collection\(s\) older than 90 days pruned/);
  }, 120_000);
});
