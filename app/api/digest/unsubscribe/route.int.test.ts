import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createDigestSubscription, getDigestSubscription, getOrCreateDigestSigningKey, resubscribeDigest } from "@/lib/db/digest-subscriptions";
import { signUnsubscribe } from "@/lib/digest/unsubscribe-token";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { GET, POST } from "./route";

/** As Next hands a route handler the request: the URL names the address the server listens on, the Host header the one the browser used. */
const SERVER = "http://0.0.0.0:3000";
const HOST = "iamfit.example.com:8080";
const BASE = `http://${HOST}`;

function oneClick(query: Record<string, string>, form: Record<string, string> = { "List-Unsubscribe": "One-Click" }): NextRequest {
  return new NextRequest(`${SERVER}/api/digest/unsubscribe?${new URLSearchParams(query).toString()}`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { "content-type": "application/x-www-form-urlencoded", host: HOST },
  });
}

describe("the one-click unsubscribe endpoint", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => {
    await db().$executeRaw`TRUNCATE digest_delivery, digest_subscription CASCADE`;
  });

  async function subscriptionWithToken() {
    const { id } = await createDigestSubscription({ email: "ops@example.com", scope: { kind: "all" }, schedule: { weekday: 1, hour: 9, timeZone: "UTC" } });
    const subscription = (await getDigestSubscription(id))!;
    return { id, token: signUnsubscribe(await getOrCreateDigestSigningKey(), subscription) };
  }

  it("unsubscribes on a mail client's RFC 8058 POST, and again without complaint", async () => {
    const { id, token } = await subscriptionWithToken();
    const response = await POST(oneClick({ s: id, t: token }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("Unsubscribed from the iamfit weekly digest.\n");
    const unsubscribedAt = (await getDigestSubscription(id))?.unsubscribedAt;
    expect(unsubscribedAt).toBeInstanceOf(Date);
    expect((await POST(oneClick({ s: id, t: token }))).status).toBe(200);
    expect((await getDigestSubscription(id))?.unsubscribedAt).toEqual(unsubscribedAt);
  });

  it.each([
    ["a forged token", (id: string) => ({ s: id, t: "A".repeat(43) })],
    ["no token", (id: string) => ({ s: id })],
    ["a malformed id", () => ({ s: "../../etc", t: "x" })],
  ])("refuses %s and unsubscribes nothing", async (_label, query) => {
    const { id } = await subscriptionWithToken();
    const response = await POST(oneClick(query(id)));
    expect(response.status).toBe(400);
    expect((await getDigestSubscription(id))?.unsubscribedAt).toBeNull();
  });

  it("refuses a link sent before the subscription was renewed", async () => {
    const { id, token } = await subscriptionWithToken();
    await POST(oneClick({ s: id, t: token }));
    await resubscribeDigest(id);
    expect((await POST(oneClick({ s: id, t: token }))).status).toBe(400);
    expect((await getDigestSubscription(id))?.unsubscribedAt).toBeNull();
  });

  it("sends the confirmation page's form back to the page with the result", async () => {
    const { id, token } = await subscriptionWithToken();
    const response = await POST(oneClick({ s: id, t: token }, { "List-Unsubscribe": "One-Click", source: "page" }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${BASE}/digests/unsubscribe?${new URLSearchParams({ s: id, t: token, done: "1" }).toString()}`);
  });

  it("never unsubscribes on GET (link scanners open every URL): it redirects to the confirmation page", async () => {
    const { id, token } = await subscriptionWithToken();
    const response = await GET(new NextRequest(`${SERVER}/api/digest/unsubscribe?${new URLSearchParams({ s: id, t: token }).toString()}`, { headers: { host: HOST } }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${BASE}/digests/unsubscribe?${new URLSearchParams({ s: id, t: token }).toString()}`);
    expect((await getDigestSubscription(id))?.unsubscribedAt).toBeNull();
  });

  it("redirects to the address the browser used, never to the server's own 0.0.0.0, and ignores forwarded headers it was not told to trust", async () => {
    const headers = { host: HOST, "x-forwarded-host": "evil.example.net", "x-forwarded-proto": "https" };
    const response = await GET(new NextRequest(`${SERVER}/api/digest/unsubscribe?s=x&t=y`, { headers }));
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin).toBe(BASE);
    expect(location.hostname).not.toBe("0.0.0.0");
  });
});
