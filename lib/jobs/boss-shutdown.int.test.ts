/**
 * Shutting iamfit down prints what an operator needs ("stopped"), not PostgreSQL ending the job
 * queue's last connections: a real embedded PostgreSQL of its own, stopped right after the queue
 * as scripts/start.ts does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { QUEUES, startBoss, stopBoss } from "./boss";

describe("stopping the job queue, then its database", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "iamfit-boss-shutdown-"));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("logs no error: the connections PostgreSQL terminates are the shutdown itself", async () => {
    const database = await startEmbeddedPostgres({ dataDir, preferredPort: 0 });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const boss = await startBoss(database.url);
      await boss.work(QUEUES.collectAccount, { pollingIntervalSeconds: 0.5 }, async () => undefined);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await stopBoss(boss);
      await database.stop();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);
    } finally {
      errors.mockRestore();
      await database.stop().catch(() => undefined);
    }
  }, 60_000);
});
