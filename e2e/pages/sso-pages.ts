import { expect, type Page } from "@playwright/test";

export interface SsoSettingsInput {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string[];
  adminGroups: string[];
  viewerGroups: string[];
  defaultRole: "Refuse sign-in" | "Sign in as viewer" | "Sign in as editor" | "Sign in as admin";
}

/** /settings/sso as an admin uses it: fill the provider, test discovery, save. */
export class SsoSettingsPage {
  constructor(readonly page: Page) {}

  readonly discoveryResult = () => this.page.getByRole("status").filter({ hasText: "Discovery works" });
  readonly saved = () => this.page.getByRole("status").filter({ hasText: "Saved" });

  async open(): Promise<void> {
    await this.page.goto("/settings/sso");
    await expect(this.page.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible();
  }

  redirectUri(): Promise<string> {
    return this.page.locator("code", { hasText: "/api/auth/callback/sso" }).innerText();
  }

  async fillIssuer(issuer: string): Promise<void> {
    await this.page.getByLabel("Issuer URL").fill(issuer);
  }

  async testDiscovery(): Promise<void> {
    await this.page.getByRole("button", { name: "Test discovery" }).click();
  }

  async fill(input: SsoSettingsInput): Promise<void> {
    await this.page.getByLabel("Offer single sign-on on the sign-in page").check();
    await this.page.getByLabel("Provider name").fill(input.displayName);
    await this.fillIssuer(input.issuer);
    await this.page.getByLabel("Client id").fill(input.clientId);
    await this.page.getByLabel("Client secret").fill(input.clientSecret);
    await this.page.getByLabel("Allowed email domains").fill(input.allowedDomains.join("\n"));
    await this.page.getByLabel("Admin groups").fill(input.adminGroups.join("\n"));
    await this.page.getByLabel("Viewer groups").fill(input.viewerGroups.join("\n"));
    await this.page.getByLabel("Allowed people in no mapped group").selectOption({ label: input.defaultRole });
  }

  async save(): Promise<void> {
    await this.page.getByRole("button", { name: "Save single sign-on settings" }).click();
  }

  async setEnabled(enabled: boolean): Promise<void> {
    await this.open();
    await this.page.getByLabel("Offer single sign-on on the sign-in page").setChecked(enabled);
    await this.save();
    await expect(this.saved()).toBeVisible();
  }
}

/** The sign-in page's SSO button, then the test identity provider's one-field login form. */
export class SsoSignIn {
  constructor(readonly page: Page) {}

  /** Next's route announcer is an empty alert too. */
  readonly error = () => this.page.getByRole("alert").filter({ hasText: /\S/ });

  button(providerName: string) {
    return this.page.getByRole("button", { name: `Sign in with ${providerName}` });
  }

  async signIn(providerName: string, email: string): Promise<void> {
    await this.page.goto("/sign-in");
    await this.button(providerName).click();
    await expect(this.page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }
}
