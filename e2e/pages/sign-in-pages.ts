import { expect, type Page } from "@playwright/test";
import type { TestCredentials } from "../support/auth-state";
import { totpCode } from "../support/totp";

/** /sign-in and /two-factor: the password step, the code step, and the first-time enrolment. */
export class SignInPages {
  constructor(readonly page: Page) {}

  /** The form's error (Next's route announcer is an alert too, outside main). */
  readonly error = () => this.page.getByRole("main").getByRole("alert");

  async open(path = "/sign-in"): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  }

  async submitPassword(email: string, password: string): Promise<void> {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  async submitCode(code: string, button = "Verify"): Promise<void> {
    await this.page.getByLabel("6-digit code").fill(code);
    await this.page.getByRole("button", { name: button }).click();
  }

  /** On the enrolment page: the key as a person would type it into an app. */
  async readEnrolmentSecret(): Promise<string> {
    await expect(this.page.getByRole("heading", { name: "Set up two-factor authentication" })).toBeVisible();
    await expect(this.page.getByRole("img", { name: /QR code/ })).toBeVisible();
    return ((await this.page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  }

  /** Finishes a first sign-in: reads the new key, confirms it with a code. Returns the key. */
  async enrol(): Promise<string> {
    const secret = await this.readEnrolmentSecret();
    // Under a loaded CI a code can be sent as its 30-second step ends, or before the form is live
    // (CI once left a second server's admin on this page); a person would type the next code.
    await expect(async () => {
      if (!new URL(this.page.url()).pathname.startsWith("/two-factor")) return;
      await this.submitCode(await totpCode(secret), "Confirm and continue");
      await expect(this.page).not.toHaveURL(/\/two-factor/, { timeout: 15_000 });
    }).toPass({ timeout: 90_000 });
    return secret;
  }

  /** First run on a fresh server: /setup creates the admin, who enrols TOTP. Returns the key. */
  async createFirstAdmin(admin: { name: string; email: string; password: string }): Promise<string> {
    await expect(this.page.getByRole("heading", { name: "Set up iamfit" })).toBeVisible();
    await this.page.getByLabel("Your name").fill(admin.name);
    await this.page.getByLabel("Email").fill(admin.email);
    await this.page.getByLabel("Password", { exact: true }).fill(admin.password);
    await this.page.getByLabel("Password again").fill(admin.password);
    await this.page.getByRole("button", { name: "Create admin account" }).click();
    await expect(this.page).toHaveURL(/\/two-factor/);
    return this.enrol();
  }

  /** Password then code, for an enrolled user; ends wherever sign-in sends them. */
  async signIn(credentials: TestCredentials, from = "/sign-in"): Promise<void> {
    if (from === "/sign-in") await this.open();
    await this.submitPassword(credentials.email, credentials.password);
    await expect(this.page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
    await this.submitCode(await totpCode(credentials.totpSecret));
    await expect(this.page).not.toHaveURL(/\/(sign-in|two-factor)/);
  }
}
