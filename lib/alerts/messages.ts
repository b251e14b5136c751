/**
 * What each kind of destination receives for an event.
 * - Generic webhook: the documented JSON contract, signed (README "Alerts"): header
 *   `X-Iamfit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, the scheme
 *   Stripe and Slack use, so a receiver can refuse replays older than a few minutes.
 * - Slack incoming webhook: `text` plus Block Kit sections
 *   (https://api.slack.com/messaging/webhooks).
 * - Teams workflow webhook ("When a Teams webhook request is received"): an Adaptive Card in
 *   `attachments` (https://learn.microsoft.com/en-us/connectors/teams/).
 */
import { createHmac } from "node:crypto";
import { ALERT_EVENT_WORDS, type AlertEventType } from "./destination";
import type { AlertEvent } from "./events";

export interface WebhookBody {
  event: AlertEventType | "test";
  occurredAt: string;
  account: { id: string; name: string };
  check: { id: string; title: string; exercise: number; severity: string };
  resource: { id: string; name: string; type: string; region: string | null };
  status: string;
  link: string;
}

export function webhookBody(event: Pick<AlertEvent, "event" | "occurredAt" | "account" | "check" | "resource" | "status"> & { event: AlertEventType | "test" }, link: string): WebhookBody {
  return {
    event: event.event,
    occurredAt: event.occurredAt.toISOString(),
    account: { id: event.account.awsAccountId, name: event.account.name },
    check: { id: event.check.id, title: event.check.title, exercise: event.check.exercise, severity: event.check.severity },
    resource: event.resource,
    status: event.status,
    link,
  };
}

export const SIGNATURE_HEADER = "X-Iamfit-Signature";

export function signatureHeader(secret: string, rawBody: string, unixSeconds: number): string {
  const digest = createHmac("sha256", secret).update(`${unixSeconds}.${rawBody}`).digest("hex");
  return `t=${unixSeconds},v1=${digest}`;
}

function headline(body: WebhookBody): string {
  const severity = body.check.severity.charAt(0).toUpperCase() + body.check.severity.slice(1);
  return `${ALERT_EVENT_WORDS[body.event]}: ${severity}, ${body.check.title}`;
}

/** Slack's mrkdwn treats &, < and > as markup. */
function slackText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function slackMessage(body: WebhookBody, summary: string): unknown {
  const where = `${body.account.name} (${body.account.id})`;
  return {
    text: `${headline(body)} in ${where}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${slackText(headline(body))}*\n${slackText(summary)}` } },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: `*Account*\n${slackText(where)}` },
          { type: "mrkdwn", text: `*Resource*\n${slackText(body.resource.name)}` },
          { type: "mrkdwn", text: `*Exercise*\n${body.check.exercise}` },
          { type: "mrkdwn", text: `*Since*\n${body.occurredAt.slice(0, 16).replace("T", " ")} UTC` },
        ],
      },
      { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open in iamfit" }, url: body.link }] },
    ],
  };
}

export function teamsMessage(body: WebhookBody, summary: string): unknown {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", size: "Medium", weight: "Bolder", wrap: true, text: headline(body) },
            { type: "TextBlock", wrap: true, text: summary },
            {
              type: "FactSet",
              facts: [
                { title: "Account", value: `${body.account.name} (${body.account.id})` },
                { title: "Resource", value: body.resource.name },
                { title: "Exercise", value: String(body.check.exercise) },
                { title: "Since", value: `${body.occurredAt.slice(0, 16).replace("T", " ")} UTC` },
              ],
            },
          ],
          actions: [{ type: "Action.OpenUrl", title: "Open in iamfit", url: body.link }],
        },
      },
    ],
  };
}
