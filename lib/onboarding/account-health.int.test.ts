import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { listAccountHealth } from "./account-health";
import { unlinkAccounts } from "@/lib/db/account-links";
import { db } from "@/lib/db/client";
import { addTestCollection, createTestRun, linkTestAccount } from "@/lib/db/test-factories";

describe("listAccountHealth", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const healthy = await linkTestAccount("100000000001", { name: "Healthy" });
    const denied = await linkTestAccount("100000000002", { name: "Denied" });
    const partial = await linkTestAccount("100000000003", { name: "Partial" });
    await linkTestAccount("100000000004", { name: "New" });
    await linkTestAccount("100000000005", { name: "Suspended" });
    await linkTestAccount("100000000006", { name: "Removed" });
    await unlinkAccounts(["100000000006"]);

    const run = await createTestRun("manual", "partial");
    await addTestCollection(run, healthy, { status: "succeeded", collectedAt: new Date("2026-11-20T10:00:00Z") });
    await addTestCollection(run, partial, {
      status: "partial",
      collectedAt: new Date("2026-11-20T10:00:00Z"),
      partErrors: [
        { api: "iam:GetCredentialReport", code: "AccessDenied", message: "denied" },
        { api: "s3:ListBuckets", code: "AccessDenied", message: "denied" },
      ],
    });
    await addTestCollection(run, denied, { status: "failed", error: { api: "sts:AssumeRole", code: "AccessDenied", message: "not authorized" } });
    const update = (awsAccountId: string, data: object) => db().linkedAccount.update({ where: { awsAccountId }, data });
    await update("100000000001", { lastStatus: "succeeded", lastCollectedAt: new Date("2026-11-20T10:00:00Z") });
    await update("100000000002", {
      lastStatus: "failed",
      lastCollectedAt: new Date("2026-11-01T10:00:00Z"),
      lastError: { api: "sts:AssumeRole", code: "AccessDenied", message: "not authorized", region: "us-east-1" },
    });
    await update("100000000003", { lastStatus: "partial", lastCollectedAt: new Date("2026-11-20T10:00:00Z"), lastError: { api: "iam:GetCredentialReport", code: "AccessDenied", message: "denied" } });
    await update("100000000005", { lastStatus: "failed", organizationState: "SUSPENDED", ouPath: "Root/Suspended" });
  });
  afterAll(async () => database?.drop());

  it("lists linked accounts worst first, never removed ones", async () => {
    const rows = await listAccountHealth();
    expect(rows.map((row) => `${row.name}: ${row.health.state}`)).toEqual(["Denied: failing", "Partial: degraded", "Suspended: suspended", "New: pending", "Healthy: healthy"]);
  });

  it("keeps the last successful collection of a failing account and says how to fix it", async () => {
    const denied = (await listAccountHealth()).find((row) => row.awsAccountId === "100000000002");
    expect(denied?.lastSuccessAt).toEqual(new Date("2026-11-01T10:00:00Z"));
    expect(denied?.error).toMatchObject({ api: "sts:AssumeRole", code: "AccessDenied" });
    expect(denied?.health.fix).toMatch(/trust policy/);
  });

  it("counts the parts the latest collection could not read", async () => {
    const partial = (await listAccountHealth()).find((row) => row.awsAccountId === "100000000003");
    expect(partial).toMatchObject({ unreadableParts: 2, health: { label: "Partly readable" } });
    expect(partial?.health.fix).toMatch(/missing iam:GetCredentialReport/);
  });

  it("shows the OU path and Organizations state", async () => {
    const suspended = (await listAccountHealth()).find((row) => row.awsAccountId === "100000000005");
    expect(suspended).toMatchObject({ ouPath: "Root/Suspended", organizationState: "SUSPENDED", health: { state: "suspended" } });
  });
});
