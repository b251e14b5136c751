import { expect, test } from "@playwright/test";
import { RunPage } from "./pages/run-page";

// Collections are paced per account (a few seconds each even in the sandbox), so a collection
// started here is still running when the operator reaches for Cancel; media-streaming, whose
// calls are throttled, takes longest. IAMFIT_SANDBOX_LATENCY_MS on the server adds margin.

test("an operator cancels one account of a running collection and the others finish", async ({ page }) => {
  await page.goto("/accounts");
  const run = await RunPage.startFrom(page, page.getByRole("button", { name: "Collect all now" }));
  await expect(run.accountRow("media-streaming")).toBeVisible();
  await run.cancelAccountButton("media-streaming").click();
  // Queued accounts are cancelled at once, running ones at their worker's next heartbeat.
  await expect(run.accountStatus("media-streaming")).toHaveText(/Cancelled|Cancelling/);
  await expect(run.status()).toContainText(/Partial|Succeeded|Failed/, { timeout: 120_000 });
  await expect(run.accountStatus("media-streaming")).toHaveText(/Cancelled/);
  // Everything else ran to the end and kept its results.
  await expect(run.accountStatus("prod-payments")).toHaveText(/Succeeded|Partial/);
  await expect(run.cancelAccountButton("prod-payments")).toHaveCount(0);
});

test("an operator cancels a whole running collection from its page", async ({ page }) => {
  await page.goto("/accounts");
  const run = await RunPage.startFrom(page, page.getByRole("button", { name: "Collect all now" }));
  await run.cancelRunButton.click();
  // Queued accounts stop at once, running ones within a heartbeat; finished ones keep their results.
  await expect(run.status()).toContainText(/Cancelled|Partial/, { timeout: 60_000 });
  await expect(run.accountStatus("media-streaming")).toHaveText(/Cancelled/);
  await expect(run.cancelRunButton).toHaveCount(0);
  // The account's own page tells the same story in its recent collections.
  await run.accountRow("media-streaming").getByRole("link", { name: "media-streaming" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "media-streaming" })).toBeVisible();
  await expect(page.getByRole("table").getByText("Cancelled").first()).toBeVisible();
});
