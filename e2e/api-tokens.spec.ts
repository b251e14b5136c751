import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/auth-state";

// The editor creates tokens for a pipeline, uses them against the JSON API, and revokes one;
// the audit log (read by the admin) shows each use.
test.describe("API tokens", () => {
  test.use({ storageState: storageStatePath("editor") });

  test("a read-only token reads the API but may not start a collection; a revoked one gets 401", async ({ page, request }) => {
    // Unique per run: the journeys may run again against the same server.
    const name = `e2e-reader-${Date.now()}`;
    await page.goto("/settings/tokens");
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = (await page.getByTestId("new-token").textContent())!.trim();
    expect(secret).toMatch(/^iamfit_[A-Za-z0-9_-]{43}$/);

    const headers = { authorization: `Bearer ${secret}` };
    const scorecard = await request.get("/api/v1/scorecard", { headers });
    expect(scorecard.status()).toBe(200);
    expect(await scorecard.json()).toHaveProperty("accounts");
    const collect = await request.post("/api/v1/collections", { headers, data: {} });
    expect(collect.status()).toBe(403);

    // Shown once: after a reload only its name and id are on the page.
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);
    const row = page.getByRole("row").filter({ hasText: name });
    await row.getByRole("button", { name: /Revoke/ }).click();
    await expect(row).toContainText("Revoked");
    expect((await request.get("/api/v1/scorecard", { headers })).status()).toBe(401);
  });
});

test.describe("the audit log", () => {
  test.use({ storageState: storageStatePath("admin") });

  // Runs after the tokens journey above (one worker, in file order), whose uses it finds.
  test("lists token use and refusals, and exports what is filtered", async ({ page, request }) => {
    const forged = await request.get("/api/v1/runs", { headers: { authorization: `Bearer iamfit_${"x".repeat(43)}` } });
    expect(forged.status()).toBe(401);
    await page.goto("/audit?action=api_token.");
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    const table = page.getByRole("table");
    await expect(table.getByText("api_token.used").first()).toBeVisible();
    await expect(table.getByText("api_token.refused").first()).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await (await download).path();
    const { readFile } = await import("node:fs/promises");
    const csv = await readFile(file!, "utf8");
    expect(csv.split("\r\n")[0]).toContain("occurredAt,action,outcome");
    expect(csv).toContain("api_token.used");
    expect(csv).not.toContain("auth.sign_in");
  });
});
