import { describe, expect, it } from "vitest";
import { publicBaseUrl, publicUrl, publicUrlSettingsFromProcessEnv, requestOrigin } from "./public-url";

const headers = (values: Record<string, string>) => new Headers(values);

describe("the public URL of every absolute link", () => {
  it("is IAMFIT_PUBLIC_URL when set, whatever the request says (without a trailing slash)", () => {
    const settings = { IAMFIT_PUBLIC_URL: "https://iamfit.example.com/", PORT: 3000 };
    expect(publicBaseUrl(settings, headers({ host: "10.0.0.5:3000" }))).toBe("https://iamfit.example.com");
    expect(publicUrl("/digests/unsubscribe?s=1", settings)).toBe("https://iamfit.example.com/digests/unsubscribe?s=1");
  });

  it("is the Host the browser addressed when IAMFIT_PUBLIC_URL is unset, over http", () => {
    expect(publicBaseUrl({ PORT: 3000 }, headers({ host: "iamfit.local:3000" }))).toBe("http://iamfit.local:3000");
    expect(publicBaseUrl({ PORT: 3000 }, headers({ host: "[::1]:3000" }))).toBe("http://[::1]:3000");
  });

  it("ignores X-Forwarded-Host and X-Forwarded-Proto unless IAMFIT_TRUST_PROXY is set (a client could forge them)", () => {
    const forwarded = headers({ host: "127.0.0.1:3000", "x-forwarded-host": "iamfit.example.com", "x-forwarded-proto": "https" });
    expect(publicBaseUrl({ PORT: 3000 }, forwarded)).toBe("http://127.0.0.1:3000");
    expect(publicBaseUrl({ PORT: 3000, IAMFIT_TRUST_PROXY: true }, forwarded)).toBe("https://iamfit.example.com");
    expect(requestOrigin(headers({ host: "a.example", "x-forwarded-host": "b.example, c.example", "x-forwarded-proto": "https, http" }), true)).toBe("https://b.example");
  });

  it("refuses a Host header that is not a host name (no path or credentials smuggled into links)", () => {
    expect(requestOrigin(headers({ host: "evil.example/@x" }), false)).toBeNull();
    expect(publicBaseUrl({ PORT: 3100 }, headers({ host: "a b" }))).toBe("http://localhost:3100");
  });

  it("is http://localhost:PORT for background jobs, which have no request", () => {
    expect(publicBaseUrl({ PORT: 3100 })).toBe("http://localhost:3100");
    expect(publicUrl("/checklists", { PORT: 3100 }, null)).toBe("http://localhost:3100/checklists");
  });

  it("reads the same settings from the process environment for the proxy", () => {
    expect(publicUrlSettingsFromProcessEnv({ IAMFIT_PUBLIC_URL: "", IAMFIT_TRUST_PROXY: "1", PORT: "3400" })).toEqual({
      IAMFIT_PUBLIC_URL: undefined,
      IAMFIT_TRUST_PROXY: true,
      PORT: 3400,
    });
  });
});
