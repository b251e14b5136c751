import { expect, type Page } from "@playwright/test";

/** Waits until the start-up collection of the sandbox organization has finished. */
export async function waitForFirstCollection(page: Page): Promise<void> {
  await expect(async () => {
    await page.goto("/runs");
    await expect(page.getByRole("table").getByText(/Succeeded|Partial/).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 150_000, intervals: [2_000] });
}
