import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertDestinationSettingsSchema } from "./destination";
import { webhookBody } from "./messages";
import { alertRequest, planAfterAlertFailure, postAlert } from "./send-alert";

const body = webhookBody(
  {
    event: "finding_opened",
    occurredAt: new Date("2026-12-07T10:00:00Z"),
    account: { awsAccountId: "111122223333", name: "prod", ouPath: null, tags: {} },
    check: { id: "root.access-keys", title: "The root user has no active access key", exercise: 1, severity: "critical" },
    resource: { id: "arn:aws:iam::111122223333:root", name: "root", type: "root", region: null },
    status: "fail",
  },
  "https://iamfit.example.com/accounts/111122223333",
);

describe("the generic webhook request", () => {
  it("sends the documented body, signed over '<t>.<raw body>' with the destination's secret", () => {
    const now = new Date("2026-12-07T10:00:05Z");
    const request = alertRequest({ type: "webhook", url: "https://hooks.example.com/x", secret: "s3cret" }, body, "summary", "finding-interval:41", now);
    expect(JSON.parse(request.body)).toEqual({
      event: "finding_opened",
      occurredAt: "2026-12-07T10:00:00.000Z",
      account: { id: "111122223333", name: "prod" },
      check: { id: "root.access-keys", title: "The root user has no active access key", exercise: 1, severity: "critical" },
      resource: { id: "arn:aws:iam::111122223333:root", name: "root", type: "root", region: null },
      status: "fail",
      link: "https://iamfit.example.com/accounts/111122223333",
    });
    const t = Math.floor(now.getTime() / 1000);
    const expected = createHmac("sha256", "s3cret").update(`${t}.${request.body}`).digest("hex");
    expect(request.headers["x-iamfit-signature"]).toBe(`t=${t},v1=${expected}`);
    expect(request.headers["x-iamfit-delivery"]).toBe("finding-interval:41");
  });

  it("sends Slack a text and blocks, with names escaped for its markup", () => {
    const hostile = { ...body, resource: { ...body.resource, name: "<!channel> & co" } };
    const request = JSON.parse(alertRequest({ type: "slack", url: "https://hooks.slack.com/services/x", secret: null }, hostile, "why", "k", new Date()).body);
    expect(request.text).toContain("The root user has no active access key");
    expect(JSON.stringify(request.blocks)).toContain("&lt;!channel&gt; &amp; co");
    expect(JSON.stringify(request.blocks)).not.toContain("<!channel>");
  });

  it("sends Teams an Adaptive Card with a link to iamfit", () => {
    const request = JSON.parse(alertRequest({ type: "teams", url: "https://x.logic.azure.com/w", secret: null }, body, "why", "k", new Date()).body);
    expect(request.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(request.attachments[0].content.actions[0].url).toBe(body.link);
  });
});

describe("one attempt against a real HTTP server", () => {
  let answer = 200;
  const received: Array<{ headers: IncomingMessage["headers"]; body: string }> = [];
  const server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => (text += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: text });
      response.writeHead(answer).end(answer === 200 ? "ok" : "nope");
    });
  });
  let url = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("delivers on 2xx", async () => {
    answer = 204;
    expect(await postAlert({ url, headers: { "content-type": "application/json" }, body: "{}" })).toEqual({ delivered: true, responseStatus: 204 });
    expect(received.at(-1)?.headers["content-type"]).toBe("application/json");
  });

  it.each([
    [500, true],
    [429, true],
    [404, false],
    [400, false],
  ])("an answer of %i is retried: %s", async (status, retryable) => {
    answer = status;
    expect(await postAlert({ url, headers: {}, body: "{}" })).toMatchObject({ delivered: false, responseStatus: status, retryable });
  });

  it("retries when nothing listens", async () => {
    expect(await postAlert({ url: "http://127.0.0.1:1/hook", headers: {}, body: "{}" })).toMatchObject({ delivered: false, responseStatus: null, retryable: true });
  });
});

describe("after a failure", () => {
  const now = new Date("2026-12-07T10:00:00Z");
  it("backs off, and gives up after six attempts or on an answer that will not change", () => {
    expect(planAfterAlertFailure(1, true, now)).toEqual({ retry: true, nextAttemptAt: new Date("2026-12-07T10:01:00Z") });
    expect(planAfterAlertFailure(2, true, now)).toEqual({ retry: true, nextAttemptAt: new Date("2026-12-07T10:04:00Z") });
    expect(planAfterAlertFailure(6, true, now)).toEqual({ retry: false });
    expect(planAfterAlertFailure(1, false, now)).toEqual({ retry: false });
  });
});

describe("destination settings", () => {
  it("requires https, except to this machine", () => {
    const base = { name: "ops", type: "webhook" };
    expect(alertDestinationSettingsSchema.safeParse({ ...base, url: "http://hooks.example.com/x" }).error?.issues[0]?.message).toBe("The URL must start with https:// (plain http only to this machine).");
    expect(alertDestinationSettingsSchema.safeParse({ ...base, url: "http://127.0.0.1:9000/x" }).success).toBe(true);
  });

  it("defaults to high and above, every event, every account", () => {
    expect(alertDestinationSettingsSchema.parse({ name: "ops", type: "slack", url: "https://hooks.slack.com/services/x" })).toMatchObject({
      minSeverity: "high",
      events: ["finding_opened", "finding_reopened", "checklist_overdue"],
      scope: { kind: "all" },
    });
  });
});
