import { expect, test } from "@playwright/test";
import { RunPage } from "./pages/run-page";
import { credentialsFor } from "./support/auth-state";

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
  await expect(run.accountStatus("media-streaming")).toContainText(`Cancelled by ${credentialsFor("admin").email} at `);
  // Everything else ran to the end and kept its results.
  await expect(run.accountStatus("prod-payments")).toHaveText(/Succeeded|Partial/);
  await expect(run.cancelAccountButton("prod-payments")).toHaveCount(0);
});

test("an operator cancels a whole running collection from its page: it ends Cancelled, by whom and when, and no account it stopped reads Succeeded", async ({ page }) => {
  const admin = credentialsFor("admin").email;
  await page.goto("/accounts");
  const run = await RunPage.startFrom(page, page.getByRole("button", { name: "Collect all now" }));
  await run.cancelRunButton.click();
  // While running accounts stop, the page says who asked and when, and marks them "Cancelling".
  await expect(run.description()).toContainText(new RegExp(`Cancel requested by ${escapeRegExp(admin)} at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC|Cancelled by`));
  const stopping = await run.accountNamesMarked("Cancelling");

  // Queued accounts stop at once, running ones within a heartbeat or at their commit; accounts
  // that had committed before keep their results. The run says it was cancelled, not "Partial".
  await expect(run.status()).toContainText("Cancelled", { timeout: 60_000 });
  await expect(run.status()).not.toContainText(/Partial|Succeeded/);
  await expect(run.description()).toContainText(new RegExp(`^Cancelled by ${escapeRegExp(admin)} at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\.`));
  for (const name of stopping) await expect(run.accountStatus(name)).toContainText(`Cancelled by ${admin} at `);
  await expect(run.accountStatus("media-streaming")).toContainText(`Cancelled by ${admin} at `);
  await expect(run.cancelRunButton).toHaveCount(0);
  // Cancelled accounts are counted apart from failed ones, and the run does not read "100%".
  await expect(run.summary).toContainText(/\d+ cancelled/);
  await expect(run.summary).not.toContainText("100%");

  // The account's own page tells the same story in its recent collections.
  await run.accountRow("media-streaming").getByRole("link", { name: "media-streaming" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "media-streaming" })).toBeVisible();
  await expect(page.getByRole("table").getByText("Cancelled").first()).toBeVisible();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
