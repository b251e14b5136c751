/**
 * `iamfit cancel` on a real database: it cancels the run that is running, records "cli" as who
 * asked (the run page says "Cancelled by the command line at …"), and audits the change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createCollectionRun } from "@/lib/db/collections";
import { getRun } from "@/lib/db/runs";
import { linkTestAccount } from "@/lib/db/test-factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { cli } from "../testing/run-cli";

describe("iamfit cancel", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.IAMFIT_DATA_DIR ??= "/tmp/iamfit-cli-cancel-test";
  });
  afterAll(async () => database?.drop());

  it("cancels the running collection as the command line, audits it, and says when nothing is left", async () => {
    await linkTestAccount("111122223333");
    await linkTestAccount("444455556666");
    // Recorded without a queue, so no worker takes its accounts: they stay queued until cancelled.
    const run = await createCollectionRun({ trigger: "manual", requestedBy: "ada@example.com" });

    const cancelled = await cli(["cancel"]);
    expect(cancelled).toMatchObject({ code: 0, stderr: "" });
    expect(cancelled.stdout).toContain(`Collection ${run.runId}: 2 queued account(s) cancelled, 0 running account(s) stopping`);
    const stored = (await getRun(run.runId!))!;
    expect(stored.run).toMatchObject({ status: "cancelled", cancelRequestedBy: "cli", accountsCancelled: 2, accountsFailed: 0 });
    expect(stored.accounts.map((row) => row.cancelRequestedBy)).toEqual(["cli", "cli"]);
    expect(await db().auditEvent.findFirst({ where: { action: "collection.cancelled" } })).toMatchObject({
      actorKind: "cli",
      targetType: "run",
      targetId: run.runId!.toString(),
    });

    const again = await cli(["cancel", run.runId!.toString()]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(`Nothing to cancel in collection ${run.runId}: it has finished.`);
  });
});
