/**
 * A webhook receiver on loopback for the alert journeys: records every request as it arrived
 * (headers and the raw body, which is what a signature covers) and answers with a chosen status.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface WebhookReceiver {
  url(path?: string): string;
  received: ReceivedWebhook[];
  stop(): Promise<void>;
}

export async function startWebhookReceiver(answerStatus = 200): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, rawBody: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(answerStatus, { "content-type": "text/plain" }).end(answerStatus < 300 ? "ok" : "receiver is down");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = "/alerts") => `http://127.0.0.1:${port}${path}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Checks X-Iamfit-Signature as the README tells receivers to: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<raw body>">, keyed by the destination's secret.
 */
export function hasValidSignature(webhook: ReceivedWebhook, secret: string): boolean {
  const header = String(webhook.headers["x-iamfit-signature"] ?? "");
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac("sha256", secret).update(`${parts.t}.${webhook.rawBody}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
