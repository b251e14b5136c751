import { describe, expect, it } from "vitest";
import { arrivedOverHttps, withSecureCookies } from "./auth-route";

describe("arrivedOverHttps", () => {
  it("believes the proxy's scheme, else the request's own", () => {
    expect(arrivedOverHttps(new Request("http://iamfit:3000/api/auth/sign-in/email", { headers: { "x-forwarded-proto": "https" } }))).toBe(true);
    expect(arrivedOverHttps(new Request("http://iamfit:3000/api/auth/sign-in/email"))).toBe(false);
    expect(arrivedOverHttps(new Request("https://iamfit/api/auth/sign-in/email"))).toBe(true);
  });
});

describe("withSecureCookies", () => {
  it("adds Secure to every cookie that lacks it and keeps the rest of the response", async () => {
    const headers = new Headers({ "content-type": "application/json" });
    headers.append("set-cookie", "iamfit.session_token=abc; Path=/; HttpOnly; SameSite=Lax");
    headers.append("set-cookie", "iamfit.two_factor=x; Path=/; HttpOnly; Secure; SameSite=Lax");
    const secured = withSecureCookies(new Response('{"ok":true}', { status: 200, headers }));
    expect(secured.headers.getSetCookie()).toEqual([
      "iamfit.session_token=abc; Path=/; HttpOnly; SameSite=Lax; Secure",
      "iamfit.two_factor=x; Path=/; HttpOnly; Secure; SameSite=Lax",
    ]);
    expect(secured.headers.get("content-type")).toBe("application/json");
    expect(await secured.json()).toEqual({ ok: true });
  });
});
