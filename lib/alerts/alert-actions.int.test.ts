/**
 * The admin actions of /settings/alerts on a real database: what they store (encrypted), what
 * they audit, what they refuse (destinations from the configuration file), and "Send test"
 * against a real receiver on loopback.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deleteAlertDestinationAction, saveAlertDestinationAction, sendTestAlertAction, setAlertDestinationEnabledAction } from "@/app/(dashboard)/settings/alerts/_actions/alerts";
import type { SessionUser } from "@/lib/auth/session-user";
import { listAlertDeliveries } from "@/lib/db/alert-deliveries";
import { createDestination, listStoredDestinations } from "@/lib/db/alert-destinations";
import { listAuditEvents } from "@/lib/db/audit";
import { getOrCreateAuthSecret } from "@/lib/db/auth-secret";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { signatureHeader } from "./messages";
import { openAlertSecret, sealAlertSecret } from "./secret-box";

const ADMIN: SessionUser = { id: "user-admin", email: "admin@example.com", name: "Admin", role: "admin", authMethod: "password" };
vi.mock("@/lib/auth/current-user", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/current-user")>()),
  getSessionState: async () => ({ kind: "signed_in", user: ADMIN }),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "iamfit.test", "x-iamfit-client-address": "203.0.113.5" }), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const SECRET = "a-signing-secret-of-some-length";

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(() => null, (thrown: unknown) => thrown)) as { digest?: string } | null;
  return String(error?.digest ?? "no redirect");
}

describe("alert destination actions", () => {
  let database: TestDatabase;
  let status = 200;
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(status).end(status === 200 ? "ok" : "down for maintenance");
    });
  });
  let url = "";

  beforeAll(async () => {
    database = await createTestDatabase();
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook?token=t0ps3cret`;
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
    await database?.drop();
  });

  it("adds a webhook with its URL and secret encrypted, audited without either", async () => {
    const where = await redirectOf(
      saveAlertDestinationAction(
        { values: {} as never, existing: false, fieldErrors: {} },
        form({ name: "ops", type: "webhook", url, secret: SECRET, minSeverity: "critical", events: ["finding_opened", "checklist_overdue"], scopeKind: "tags", scopeTags: "env=prod" }),
      ),
    );
    expect(where).toContain("/settings/alerts?added=ops");
    const [stored] = await listStoredDestinations();
    expect(stored).toMatchObject({ name: "ops", type: "webhook", source: "ui", minSeverity: "critical", events: ["finding_opened", "checklist_overdue"], scope: { kind: "tags", tags: [{ key: "env", value: "prod" }] } });
    expect(stored!.urlEncrypted).not.toContain("t0ps3cret");
    const key = await getOrCreateAuthSecret();
    expect(await openAlertSecret(stored!.urlEncrypted, key)).toBe(url);
    expect(await openAlertSecret(stored!.secretEncrypted!, key)).toBe(SECRET);
    const [entry] = (await listAuditEvents({ action: "alert_destination.created" }, { limit: 1 })).rows;
    expect(entry).toMatchObject({ actorEmail: "admin@example.com", targetLabel: "ops" });
    expect(JSON.stringify(entry)).not.toMatch(/t0ps3cret|a-signing-secret/);
  });

  it("keeps the stored URL and secret when an edit leaves them empty", async () => {
    const [stored] = await listStoredDestinations();
    const state = await saveAlertDestinationAction(
      { values: {} as never, existing: true, fieldErrors: {} },
      form({ id: stored!.id, name: "ops", type: "webhook", url: "", secret: "", minSeverity: "high", events: "finding_opened", scopeKind: "all" }),
    );
    expect(state).toMatchObject({ saved: "Saved. The next alerts use these settings.", fieldErrors: {} });
    const [after] = await listStoredDestinations();
    expect(after).toMatchObject({ urlEncrypted: stored!.urlEncrypted, secretEncrypted: stored!.secretEncrypted, minSeverity: "high", scope: { kind: "all" } });
  });

  it("sends a test at once, signed, and reports a failing receiver's status", async () => {
    const [stored] = await listStoredDestinations();
    status = 500;
    const failing = await sendTestAlertAction({}, form({ id: stored!.id }));
    expect(failing).toEqual({ tone: "error", message: "Not delivered. Answered 500: down for maintenance. iamfit tries again later; the log below shows each attempt." });
    status = 200;
    const delivered = await sendTestAlertAction({}, form({ id: stored!.id }));
    expect(delivered).toEqual({ tone: "success", message: "Delivered: the receiver answered 200." });

    expect(received).toHaveLength(2);
    const signature = String(received[1]!.headers["x-iamfit-signature"]);
    const t = Number(/^t=(\d+),/.exec(signature)![1]);
    expect(signature).toBe(signatureHeader(SECRET, received[1]!.body, t));
    expect(JSON.parse(received[1]!.body)).toMatchObject({ event: "test", link: "http://iamfit.test/settings/alerts" });
    const log = await listAlertDeliveries(stored!.id);
    expect(log.map((delivery) => [delivery.status, delivery.responseStatus])).toEqual([
      ["sent", 200],
      ["retrying", 500],
    ]);
  });

  it("refuses to change, turn off or delete a destination from the configuration file", async () => {
    const key = await getOrCreateAuthSecret();
    const id = await createDestination({
      settings: { name: "from-file", type: "slack", url: "https://hooks.slack.com/services/x", minSeverity: "high", events: ["finding_opened"], scope: { kind: "all" } },
      source: "config",
      urlEncrypted: await sealAlertSecret("https://hooks.slack.com/services/x", key),
      secretEncrypted: null,
      secretEnv: null,
      host: "hooks.slack.com",
    });
    const state = await saveAlertDestinationAction(
      { values: {} as never, existing: true, fieldErrors: {} },
      form({ id, name: "renamed", type: "slack", url: "", minSeverity: "low", events: "finding_opened", scopeKind: "all" }),
    );
    expect(state.error).toBe("This destination comes from the configuration file: change it there.");
    await redirectOf(setAlertDestinationEnabledAction(form({ id, enabled: "false" })));
    await redirectOf(deleteAlertDestinationAction(form({ id })));
    const fromFile = (await listStoredDestinations()).find((destination) => destination.id === id);
    expect(fromFile).toMatchObject({ name: "from-file", enabled: true, minSeverity: "high" });
  });

  it("turns off and deletes a web destination, audited", async () => {
    const ops = (await listStoredDestinations()).find((destination) => destination.name === "ops")!;
    await redirectOf(setAlertDestinationEnabledAction(form({ id: ops.id, enabled: "false" })));
    expect((await listStoredDestinations()).find((destination) => destination.id === ops.id)?.enabled).toBe(false);
    expect(await redirectOf(deleteAlertDestinationAction(form({ id: ops.id })))).toContain("/settings/alerts");
    expect((await listStoredDestinations()).map((destination) => destination.name)).toEqual(["from-file"]);
    const actions = (await listAuditEvents({ action: "alert_destination." }, { limit: 10 })).rows.map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["alert_destination.disabled", "alert_destination.deleted", "alert_destination.test_sent", "alert_destination.updated"]));
  });
});
