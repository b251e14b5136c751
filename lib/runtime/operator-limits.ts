/**
 * The operator's limits on collections, from the environment: request rates per service family,
 * the per-account time budget and the heartbeat window after which a collection counts as lost.
 */
import { DEFAULT_LIMITS } from "@/lib/aws/limits";
import { resolveRequestRates, SERVICE_FAMILIES, type RequestRates, type ServiceFamily } from "@/lib/aws/rate-limit-plugin";
import type { IamfitEnv } from "@/lib/env";

export interface OperatorLimits {
  requestRates: RequestRates;
  timeBudgetMs: number;
  staleAfterMs: number;
  accountConcurrency: number;
  inFlightPerAccount: number;
}

export function operatorLimits(config: IamfitEnv): OperatorLimits {
  return {
    requestRates: resolveRequestRates(config.IAMFIT_REQUEST_RATES),
    timeBudgetMs: config.IAMFIT_ACCOUNT_TIME_BUDGET_MINUTES * 60_000,
    staleAfterMs: config.IAMFIT_STALE_HEARTBEAT_SECONDS * 1000,
    accountConcurrency: config.IAMFIT_ACCOUNT_CONCURRENCY,
    inFlightPerAccount: DEFAULT_LIMITS.perAccount,
  };
}

/** Rows for the settings page: each family's rate and how many requests it may have in flight. */
export function paceRows(limits: OperatorLimits): Array<{ family: ServiceFamily; requestsPerSecond: number; inFlight: number }> {
  return SERVICE_FAMILIES.map((family) => ({
    family,
    requestsPerSecond: limits.requestRates[family],
    // The identity store is paced with Identity Center and has the same in-flight bound.
    inFlight: DEFAULT_LIMITS.perService[family === "identitycenter" ? "sso-admin" : family],
  }));
}
