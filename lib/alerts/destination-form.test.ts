import { describe, expect, it } from "vitest";
import { parseAlertForm } from "./destination-form";

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

const WEBHOOK = { name: "ops", type: "webhook", url: "https://hooks.example.com/iamfit", secret: "a-long-enough-secret", minSeverity: "critical", events: ["finding_opened"], scopeKind: "all" };

describe("the alert destination form", () => {
  it("parses a new signed webhook with its scope", () => {
    const parsed = parseAlertForm(form({ ...WEBHOOK, scopeKind: "ous", scopeOus: "Root/Prod\n Root/Shared , \n" }), null);
    expect(parsed).toEqual({
      ok: true,
      url: "https://hooks.example.com/iamfit",
      secret: "a-long-enough-secret",
      settings: { name: "ops", type: "webhook", minSeverity: "critical", events: ["finding_opened"], scope: { kind: "ous", ouPaths: ["Root/Prod", "Root/Shared"] } },
    });
  });

  it("needs a URL and a signing secret for a new webhook, and says which field is wrong", () => {
    const parsed = parseAlertForm(form({ ...WEBHOOK, url: "", secret: "" }), null);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.state.fieldErrors).sort()).toEqual(["secret", "url"]);
    expect(parsed.state.values.name).toBe("ops");
  });

  it("keeps the stored URL and secret of an existing destination when those fields are empty", () => {
    expect(parseAlertForm(form({ ...WEBHOOK, url: "", secret: "" }), { hasSecret: true })).toMatchObject({ ok: true, url: null, secret: null });
  });

  it("puts scope errors on the list being edited", () => {
    const parsed = parseAlertForm(form({ ...WEBHOOK, scopeKind: "accounts", scopeAccounts: "12345" }), null);
    expect(parsed.ok ? null : parsed.state.fieldErrors).toEqual({ scopeAccounts: "Account ids are 12 digits." });
  });

  it("refuses plain http except to this machine, and asks Slack for no secret", () => {
    const slack = { ...WEBHOOK, type: "slack", secret: "" };
    expect(parseAlertForm(form({ ...slack, url: "http://hooks.example.com/x" }), null)).toMatchObject({ ok: false, state: { fieldErrors: { url: "The URL must start with https:// (plain http only to this machine)." } } });
    expect(parseAlertForm(form({ ...slack, url: "http://127.0.0.1:9000/x" }), null)).toMatchObject({ ok: true, secret: null });
  });
});
