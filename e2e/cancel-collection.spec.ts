import { expect, test } from "@playwright/test";
import { RunPage } from "./pages/run-page";

// Collections are paced per account (a few seconds each even in the sandbox), so a collection
// started here is still running when the operator reaches for Cancel; media-streaming, whose
// calls are throttled, takes longest. IAMFIT_SANDBOX_LATENCY_MS on the server adds margin.

test("an operator cancels one account of a running collection and the others finish", async ({ page }) => {
  await page.goto("/accounts");
  const run = await RunPage.startFrom(page, page.getByRole("button", { name: "Collect all now" }));
  const row = run.accountRow("media-streaming");
  await expect(row).toBeVisible();
  await run.cancelAccountButton("media-streaming").click();
  // Queued accounts are cancelled at once, running ones at their worker's next heartbeat.
  await expect(row.getByText(/^(Cancelled|Cancelling)$/)).toBeVisible();
  await expect(run.status()).toContainText(/Partial|Succeeded|Failed/, { timeout: 120_000 });
  await expect(row.getByText("Cancelled", { exact: true })).toBeVisible();
  // Everything else ran to the end and kept its results.
  await expect(run.accountRow("prod-payments").getByText(/^(Succeeded|Partial)$/)).toBeVisible();
});

test("an operator cancels a whole running collection from its page", async ({ page }) => {
  await page.goto("/accounts");
  const run = await RunPage.startFrom(page, page.getByRole("button", { name: "Collect all now" }));
  await run.cancelRunButton.click();
  await expect(page.getByText(/(queued accounts? cancelled|running accounts? stopping)/).or(page.getByText("Cancelling", { exact: true }).first())).toBeVisible();
  // Accounts that had finished keep their results; the rest end as cancelled.
  await expect(run.status()).toContainText(/Cancelled|Partial/, { timeout: 60_000 });
  await expect(run.accounts.getByText("Cancelled", { exact: true }).first()).toBeVisible();
  await expect(run.cancelRunButton).toHaveCount(0);
});
