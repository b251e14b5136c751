/**
 * Every environment variable iamfit reads, validated once at start-up. A bad value stops the
 * process with a message naming the variable, rather than failing later somewhere deep.
 */
import path from "node:path";
import { z } from "zod";

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
  /** Where users reach iamfit; used for links in emails and CLI output. */
  IAMFIT_BASE_URL: z.string().url().optional(),
  /** Force the built-in sandbox organization even when AWS credentials exist. */
  IAMFIT_SANDBOX: booleanFlag.optional(),
  /** Extra generated accounts in the sandbox organization (beyond the curated ones). */
  IAMFIT_SANDBOX_ACCOUNTS: z.coerce.number().int().min(0).max(20000).default(0),
  IAMFIT_SANDBOX_SEED: z.coerce.number().int().default(42),
  /** Hours between scheduled collections; 0 turns the schedule off. */
  IAMFIT_COLLECT_INTERVAL_HOURS: z.coerce.number().min(0).max(24 * 7).default(6),
  /** Accounts collected at once by one worker process. */
  IAMFIT_ACCOUNT_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** Port of the embedded PostgreSQL (only when DATABASE_URL is unset). */
  IAMFIT_EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Run web and worker in one process (npm start) or only one of them. */
  IAMFIT_ROLE: z.enum(["all", "web", "worker"]).default("all"),
});

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
        return `${name}=${JSON.stringify(source[name] ?? "")}: ${issue.message}`;
      }),
    );
  }
  return { ...result.data, dataDir: path.resolve(result.data.IAMFIT_DATA_DIR) };
}

let cached: IamfitEnv | undefined;
export function env(): IamfitEnv {
  cached ??= parseEnv();
  return cached;
}
