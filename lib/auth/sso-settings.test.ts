import { describe, expect, it } from "vitest";
import { changedSsoFields, parseSsoForm, ssoFormValues, ssoRedirectUri, type SsoSettings } from "./sso-settings";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const VALID = {
  enabled: "on",
  displayName: "Okta",
  issuer: "https://example.okta.com/",
  clientId: "0oa123",
  clientSecret: "s3cret",
  allowedDomains: "Example.com, @eu.example.com\nexample.org",
  allowedGroups: "",
  groupsClaim: "",
  adminGroups: "iamfit-admins\nCloud Security, EMEA",
  editorGroups: "",
  viewerGroups: "iamfit-viewers",
  defaultRole: "deny",
};

describe("parseSsoForm", () => {
  it("turns the form into settings: trimmed issuer, lower-case domains, one group a line, default claim", () => {
    const parsed = parseSsoForm(form(VALID), { hasSecret: false });
    expect(parsed).toEqual({
      ok: true,
      input: {
        enabled: true,
        displayName: "Okta",
        issuer: "https://example.okta.com",
        clientId: "0oa123",
        clientSecret: "s3cret",
        allowedDomains: ["example.com", "eu.example.com", "example.org"],
        allowedGroups: [],
        groupsClaim: "groups",
        roleMappings: [
          { group: "iamfit-admins", role: "admin" },
          { group: "Cloud Security, EMEA", role: "admin" },
          { group: "iamfit-viewers", role: "viewer" },
        ],
        defaultRole: "deny",
      },
    });
  });

  it("keeps the stored secret when the field is left empty, and requires one on the first save", () => {
    expect(parseSsoForm(form({ ...VALID, clientSecret: "" }), { hasSecret: true })).toMatchObject({ ok: true, input: { clientSecret: null } });
    const first = parseSsoForm(form({ ...VALID, clientSecret: "" }), { hasSecret: false });
    expect(first.ok === false && first.state.fieldErrors.clientSecret).toMatch(/client secret/);
  });

  it.each([
    ["issuer", { issuer: "not a url" }, /Enter a URL/],
    ["issuer", { issuer: "http://idp.example.com" }, /Use https/],
    ["issuer", { issuer: "https://idp.example.com/?tenant=1" }, /no query/],
    ["allowedDomains", { allowedDomains: "example.com, not_a_domain" }, /“not_a_domain” is not a domain name/],
    ["allowedDomains", { allowedDomains: "", allowedGroups: "" }, /at least one email domain or one group/],
    ["displayName", { displayName: " " }, /Name the provider/],
    ["clientId", { clientId: "" }, /client id/],
    ["defaultRole", { defaultRole: "superuser" }, /Choose a role/],
  ])("puts an error on %s for %j", (field, overrides, message) => {
    const parsed = parseSsoForm(form({ ...VALID, ...overrides }), { hasSecret: true });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.state.fieldErrors[field as keyof typeof parsed.state.fieldErrors]).toMatch(message);
    expect(parsed.state.values.displayName).toBe((overrides as Record<string, string>).displayName ?? VALID.displayName);
  });

  it("accepts plain http for an identity provider on this machine", () => {
    expect(parseSsoForm(form({ ...VALID, issuer: "http://127.0.0.1:3799" }), { hasSecret: true }).ok).toBe(true);
    expect(parseSsoForm(form({ ...VALID, issuer: "http://localhost:8080/realms/main" }), { hasSecret: true }).ok).toBe(true);
  });

  it("never puts the secret back into the form's values", () => {
    const parsed = parseSsoForm(form({ ...VALID, clientId: "" }), { hasSecret: false });
    expect(JSON.stringify(parsed)).not.toContain("s3cret");
  });
});

describe("ssoFormValues", () => {
  it("round-trips stored settings into the form (groups by role, one a line)", () => {
    const parsed = parseSsoForm(form(VALID), { hasSecret: true });
    if (!parsed.ok) throw new Error("invalid");
    const { clientSecret: _secret, ...input } = parsed.input;
    const settings: SsoSettings = {
      enabled: input.enabled,
      displayName: input.displayName,
      issuer: input.issuer,
      clientId: input.clientId,
      tokenEndpointAuth: "client_secret_basic",
      scopes: ["openid"],
      policy: { allowedDomains: input.allowedDomains, allowedGroups: input.allowedGroups, groupsClaim: input.groupsClaim, roleMappings: input.roleMappings, defaultRole: input.defaultRole },
    };
    expect(ssoFormValues(settings)).toMatchObject({ adminGroups: "iamfit-admins\nCloud Security, EMEA", viewerGroups: "iamfit-viewers", editorGroups: "", allowedDomains: "example.com\neu.example.com\nexample.org" });
  });
});

describe("changedSsoFields", () => {
  it("lists what a save changes, the secret only when a new one was entered", () => {
    const parsed = parseSsoForm(form(VALID), { hasSecret: true });
    if (!parsed.ok) throw new Error("invalid");
    const { clientSecret: _secret, ...input } = parsed.input;
    const before: SsoSettings = {
      ...input,
      tokenEndpointAuth: "client_secret_basic",
      scopes: [],
      policy: { allowedDomains: input.allowedDomains, allowedGroups: input.allowedGroups, groupsClaim: input.groupsClaim, roleMappings: input.roleMappings, defaultRole: "viewer" },
    };
    expect(changedSsoFields(before, input, false)).toEqual(["defaultRole"]);
    expect(changedSsoFields(before, { ...input, defaultRole: "viewer" }, true)).toEqual(["clientSecret"]);
    expect(changedSsoFields(null, input, true)).toHaveLength(10);
  });
});

it("builds the redirect URI people register at the IdP", () => {
  expect(ssoRedirectUri("https://iamfit.example.com")).toBe("https://iamfit.example.com/api/auth/callback/sso");
  expect(ssoRedirectUri("http://127.0.0.1:3710/")).toBe("http://127.0.0.1:3710/api/auth/callback/sso");
});
