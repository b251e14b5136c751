/**
 * Every environment variable iamfit reads, validated once at start-up. A bad value stops the
 * process with a message naming the variable, rather than failing later somewhere deep.
 */
import path from "node:path";
import { z } from "zod";
import { parseRequestRates } from "@/lib/aws/rate-limit-plugin";

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((value) => value === "1" || value === "true" || value === "yes");

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
    .optional(),
  IAMFIT_DATA_DIR: z.string().min(1).default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  /**
   * Set when iamfit runs behind a reverse proxy that sets X-Forwarded-For/-Host/-Proto: the audit
   * log then records the client's address from it instead of the proxy's, and links are built
   * from the forwarded host and scheme. Never set it otherwise (the headers would be the
   * client's to forge).
   */
  IAMFIT_TRUST_PROXY: booleanFlag.optional(),
  /**
   * The URL people use to reach iamfit (https://iamfit.example.com): every absolute link
   * (lib/http/public-url.ts) uses it, sign-in cookies are Secure when it is https, and CSRF checks
   * compare against it. Set it behind a TLS-terminating proxy. Unset: each request's Host (and,
   * with IAMFIT_TRUST_PROXY, its X-Forwarded-Host/-Proto); background jobs: http://localhost:PORT.
   */
  IAMFIT_PUBLIC_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), "must be an http:// or https:// URL")
    .optional(),
  /**
   * Signs and encrypts sessions and two-factor secrets (at least 32 characters). Unset: one is
   * generated on first start and kept in the database, so restarts keep everyone signed in.
   */
  IAMFIT_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  /**
   * Sign-in attempts (password or code) one client address may make per minute before it waits;
   * raise it when many people share one address (a NAT, a proxy without IAMFIT_TRUST_PROXY).
   */
  IAMFIT_SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** The accounts-as-code file `npm start` applies; default iamfit.config.json in the working directory. */
  IAMFIT_CONFIG_FILE: z.string().min(1).optional(),
  /** Force the built-in sandbox organization even when AWS credentials exist. */
  IAMFIT_SANDBOX: booleanFlag.optional(),
  /** Extra generated accounts in the sandbox organization (beyond the curated ones). */
  IAMFIT_SANDBOX_ACCOUNTS: z.coerce.number().int().min(0).max(20000).default(0),
  IAMFIT_SANDBOX_SEED: z.coerce.number().int().default(42),
  /** Hours between scheduled collections; 0 turns the schedule off. */
  IAMFIT_COLLECT_INTERVAL_HOURS: z.coerce.number().min(0).max(24 * 7).default(6),
  /** Days snapshot detail (collected facts, per-collection API errors) is kept; lib/retention. */
  IAMFIT_SNAPSHOT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(90),
  /** Days finding history, scores, checklist history and runs are kept; lib/retention. */
  IAMFIT_HISTORY_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(400),
  /**
   * Accounts collected at once by one worker process: 8 x 4 requests in flight per account is
   * what one process sustains (reasoning in lib/aws/limits.ts, DEFAULT_LIMITS).
   */
  IAMFIT_ACCOUNT_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  /** Longest one account's collection may run before it is stopped as timed out. */
  IAMFIT_ACCOUNT_TIME_BUDGET_MINUTES: z.coerce.number().min(1).max(24 * 60).default(30),
  /** A running collection without a heartbeat this long is marked interrupted (its worker died). */
  IAMFIT_STALE_HEARTBEAT_SECONDS: z.coerce.number().int().min(15).max(3600).default(120),
  /** Per-account request rates per service family ("iam=2,ec2=5"; "iam=off" unpaces one family, "off" all); defaults in lib/aws/limits.ts. */
  IAMFIT_REQUEST_RATES: z
    .string()
    .transform((value, context) => {
      try {
        return parseRequestRates(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    })
    .optional(),
  /** Added latency per sandbox call in ms (demos and the cancel journey need a collection that takes a while). */
  IAMFIT_SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** Port of the embedded PostgreSQL (only when DATABASE_URL is unset). */
  IAMFIT_EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Run web and worker in one process (npm start) or only one of them. */
  IAMFIT_ROLE: z.enum(["all", "web", "worker"]).default("all"),
  /**
   * Where digest emails go: smtp://user:pass@host:587 (STARTTLS when offered) or
   * smtps://user:pass@host:465 (TLS from the start). Unset: emails are written to the local
   * outbox (<data dir>/outbox) that the digest page lists.
   */
  SMTP_URL: z
    .string()
    .refine(isSmtpUrl, "must be smtp://[user:password@]host[:port] or smtps://…, with user and password URL-encoded (TLS options are SMTP_* variables)")
    .optional(),
  /** The digest's From address. */
  SMTP_FROM: z.string().min(3).default("iamfit <iamfit@localhost>"),
  /** Refuse to send unless the connection is encrypted (STARTTLS required on smtp://). */
  SMTP_REQUIRE_TLS: booleanFlag.default(false),
  /** Set to 0 only for a server with a self-signed certificate on a network you trust. */
  SMTP_TLS_REJECT_UNAUTHORIZED: booleanFlag.default(true),
  /** The name the server's certificate is checked against, when it differs from the URL's host. */
  SMTP_TLS_SERVERNAME: z.string().min(1).optional(),
});

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "" && (url.pathname === "" || url.pathname === "/") && url.search === "";
  } catch {
    return false;
  }
}

export type IamfitEnv = z.infer<typeof envSchema> & { dataDir: string };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined> = process.env): IamfitEnv {
  // Empty strings mean "unset" for optional values, as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([key, value]) => key in envSchema.shape && value !== undefined && value !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        const shown = SECRET_VARIABLES.has(name) ? "***" : withoutPassword(source[name] ?? "");
        return `${name}=${JSON.stringify(shown)}: ${issue.message}`;
      }),
    );
  }
  return { ...result.data, dataDir: path.resolve(result.data.IAMFIT_DATA_DIR) };
}

/** Variables whose value never appears in an error message, even a wrong one. */
const SECRET_VARIABLES = new Set(["IAMFIT_AUTH_SECRET"]);

/** Start-up errors end up in logs: a URL's password (SMTP_URL, DATABASE_URL) is masked. */
function withoutPassword(value: string): string {
  try {
    const url = new URL(value);
    if (!url.password) return value;
    url.password = "***";
    return url.toString();
  } catch {
    return value;
  }
}

let cached: IamfitEnv | undefined;
export function env(): IamfitEnv {
  cached ??= parseEnv();
  return cached;
}
