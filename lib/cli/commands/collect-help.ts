/**
 * The part of `iamfit collect --help` that shows what a collection would do now: the pace
 * (environment) and the scope (settings in the database). Reading the scope needs the database,
 * so it is loaded before the help is printed, and its absence is said rather than hidden.
 */
import { describeRequestRates } from "@/lib/aws/rate-limit-plugin";
import { DEFAULT_LIMITS } from "@/lib/aws/limits";
import { describeAccountScope, describeRegionScope } from "@/lib/collect/scope";
import { getScopeSettings } from "@/lib/collect/scope-settings";
import { parseEnv } from "@/lib/env";
import { operatorLimits } from "@/lib/runtime/operator-limits";
import { withDatabase } from "../context";

export function paceHelp(): string {
  try {
    const config = parseEnv();
    const limits = operatorLimits(config);
    return [
      `Pace per account: ${describeRequestRates(limits.requestRates)}`,
      `  (IAMFIT_REQUEST_RATES="iam=2,ec2=5" overrides, "off" removes; defaults in lib/aws/limits.ts),`,
      `  at most ${DEFAULT_LIMITS.perAccount} requests in flight (${DEFAULT_LIMITS.perService.iam} for IAM), SDK adaptive retry on throttling.`,
      `Accounts at once: ${config.IAMFIT_ACCOUNT_CONCURRENCY} (IAMFIT_ACCOUNT_CONCURRENCY).`,
      `Time budget per account: ${config.IAMFIT_ACCOUNT_TIME_BUDGET_MINUTES} min (IAMFIT_ACCOUNT_TIME_BUDGET_MINUTES); then it stops as timed out.`,
    ].join("\n");
  } catch (error) {
    return `Pace: the environment is invalid (${error instanceof Error ? error.message : String(error)}).`;
  }
}

export async function scopeHelp(): Promise<string> {
  try {
    const settings = await withDatabase(() => getScopeSettings());
    const overrides = Object.keys(settings.accountRegions).length;
    return [
      `Accounts in scope: ${describeAccountScope(settings.accounts)}.`,
      `Regions: ${describeRegionScope(settings.regions)}${overrides ? `; ${overrides} account(s) have their own regions` : ""}.`,
      "Change the scope on the Settings page (/settings). Out-of-scope regions show as not assessed.",
    ].join("\n");
  } catch (error) {
    return `Scope: could not be read from the database (${error instanceof Error ? error.message : String(error)}).`;
  }
}

/** Whether argv asks for `collect`'s help, so its scope has to be loaded first. */
export function asksForCollectHelp(argv: string[]): boolean {
  return argv[0] === "collect" && argv.some((argument) => argument === "--help" || argument === "-h");
}
