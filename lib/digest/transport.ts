/**
 * Where digest emails go. With SMTP_URL, to that server through nodemailer (smtps:// is TLS from
 * the first byte; smtp:// upgrades with STARTTLS when offered, or must with SMTP_REQUIRE_TLS).
 * Without it, to the local outbox: .eml files under the data directory that the digest page
 * lists and previews, so a default installation works end to end without a mail server.
 */
import path from "node:path";
import nodemailer from "nodemailer";
import type { DigestMessage } from "./message";
import { writeOutboxMessage } from "./outbox";

export interface SentMail {
  transport: "smtp" | "outbox";
  messageId: string;
  /** The outbox file name (outbox only). */
  outboxFile?: string;
  /** The server's last reply (SMTP only), e.g. "250 OK: queued as …". */
  response?: string;
}

export interface MailTransport {
  kind: "smtp" | "outbox";
  /** For the UI: "SMTP mail.example.com:587" or "local outbox /data/outbox". */
  description: string;
  send(message: DigestMessage): Promise<SentMail>;
  close(): void;
}

export interface SmtpSettings {
  url: string;
  requireTls: boolean;
  rejectUnauthorized: boolean;
  servername?: string;
}

/** Rejected by the server or the connection: worth retrying later. Carries the SMTP reply code. */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = "MailSendError";
  }
}

export function smtpTransportOptions(settings: SmtpSettings) {
  const url = new URL(settings.url);
  const secure = url.protocol === "smtps:";
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: settings.requireTls && !secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    tls: { rejectUnauthorized: settings.rejectUnauthorized, ...(settings.servername ? { servername: settings.servername } : {}) },
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
}

function describeSmtp(options: ReturnType<typeof smtpTransportOptions>): string {
  return `SMTP ${options.host}:${options.port}${options.secure ? " (TLS)" : options.requireTLS ? " (STARTTLS required)" : ""}`;
}

export function createSmtpTransport(settings: SmtpSettings): MailTransport {
  const options = smtpTransportOptions(settings);
  const transporter = nodemailer.createTransport(options);
  return {
    kind: "smtp",
    description: describeSmtp(options),
    async send(message) {
      try {
        const info = await transporter.sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId: message.messageId,
          headers: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, { prepared: true, value }])),
        });
        return { transport: "smtp", messageId: info.messageId, response: info.response };
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        throw new MailSendError(error instanceof Error ? error.message : String(error), typeof code === "number" ? code : undefined);
      }
    },
    close() {
      transporter.close();
    },
  };
}

export function createOutboxTransport(directory: string): MailTransport {
  // Builds the same RFC 5322 message nodemailer would send, without a network.
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "outbox",
    description: `local outbox ${directory}`,
    async send(message) {
      const info = await composer.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: message.messageId,
        headers: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, { prepared: true, value }])),
      });
      const raw = Buffer.isBuffer(info.message) ? info.message : Buffer.from(String(info.message));
      const file = await writeOutboxMessage(directory, message, raw);
      return { transport: "outbox", messageId: info.messageId, outboxFile: file };
    },
    close() {
      composer.close();
    },
  };
}

export interface MailSettings {
  SMTP_URL?: string;
  SMTP_REQUIRE_TLS: boolean;
  SMTP_TLS_REJECT_UNAUTHORIZED: boolean;
  SMTP_TLS_SERVERNAME?: string;
  dataDir: string;
}

function smtpSettings(config: MailSettings & { SMTP_URL: string }): SmtpSettings {
  return { url: config.SMTP_URL, requireTls: config.SMTP_REQUIRE_TLS, rejectUnauthorized: config.SMTP_TLS_REJECT_UNAUTHORIZED, servername: config.SMTP_TLS_SERVERNAME };
}

export function mailTransportFromEnv(config: MailSettings): MailTransport {
  if (!config.SMTP_URL) return createOutboxTransport(outboxDirectory(config.dataDir));
  return createSmtpTransport(smtpSettings({ ...config, SMTP_URL: config.SMTP_URL }));
}

/** Where digests go, for pages: without opening a connection, and without the password. */
export function mailDestination(config: MailSettings): { kind: "smtp" | "outbox"; description: string } {
  if (!config.SMTP_URL) return { kind: "outbox", description: `local outbox ${outboxDirectory(config.dataDir)}` };
  return { kind: "smtp", description: describeSmtp(smtpTransportOptions(smtpSettings({ ...config, SMTP_URL: config.SMTP_URL }))) };
}

export function outboxDirectory(dataDir: string): string {
  return path.join(dataDir, "outbox");
}
