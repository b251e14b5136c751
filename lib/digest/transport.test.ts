import { describe, expect, it } from "vitest";
import { mailDestination, mailTransportFromEnv, smtpTransportOptions } from "./transport";

describe("smtpTransportOptions", () => {
  it.each([
    ["smtp:// on the submission port: STARTTLS when offered", { url: "smtp://mail.example.com", requireTls: false }, { host: "mail.example.com", port: 587, secure: false, requireTLS: false }],
    ["smtp:// with STARTTLS required", { url: "smtp://mail.example.com:25", requireTls: true }, { port: 25, secure: false, requireTLS: true }],
    ["smtps:// (TLS from the first byte) on 465", { url: "smtps://mail.example.com", requireTls: true }, { port: 465, secure: true, requireTLS: false }],
    ["an IPv6 literal", { url: "smtp://[::1]:2525", requireTls: false }, { host: "::1", port: 2525 }],
  ])("reads %s", (_label, settings, expected) => {
    expect(smtpTransportOptions({ rejectUnauthorized: true, ...settings })).toMatchObject(expected);
  });

  it("decodes URL-encoded credentials and passes the TLS options through", () => {
    const options = smtpTransportOptions({ url: "smtps://digest%40example.com:p%40ss%3Aw%2Frd@mail.example.com", requireTls: false, rejectUnauthorized: false, servername: "mx.internal" });
    expect(options.auth).toEqual({ user: "digest@example.com", pass: "p@ss:w/rd" });
    expect(options.tls).toEqual({ rejectUnauthorized: false, servername: "mx.internal" });
  });

  it("sends without credentials when the URL has none", () => {
    expect(smtpTransportOptions({ url: "smtp://relay.internal:25", requireTls: false, rejectUnauthorized: true }).auth).toBeUndefined();
  });

  it("uses SMTP when SMTP_URL is set, and describes where mail goes without the password", () => {
    const transport = mailTransportFromEnv({ SMTP_URL: "smtps://user:secret@mail.example.com", SMTP_REQUIRE_TLS: false, SMTP_TLS_REJECT_UNAUTHORIZED: true, dataDir: "/data" });
    expect(transport.kind).toBe("smtp");
    expect(transport.description).toBe("SMTP mail.example.com:465 (TLS)");
    transport.close();
  });

  it.each([
    [{ SMTP_URL: "smtp://u:secret@mail.example.com:587", SMTP_REQUIRE_TLS: true }, { kind: "smtp", description: "SMTP mail.example.com:587 (STARTTLS required)" }],
    [{ SMTP_REQUIRE_TLS: false }, { kind: "outbox", description: "local outbox /data/outbox" }],
  ])("tells pages where mail goes (%j)", (config, destination) => {
    expect(mailDestination({ SMTP_TLS_REJECT_UNAUTHORIZED: true, dataDir: "/data", ...config })).toEqual(destination);
  });
});
