/**
 * Bounds the requests one account has in flight, per account and per service, as an SDK
 * middleware, so every call and every paginator page is bounded without the collectors knowing.
 *
 * It sits at the end of the finalizeRequest step, after the retry and signing middlewares: it
 * holds a slot only while an attempt is actually on the wire (or being answered by a plugin in
 * the deserialize step), never while the SDK waits between retries or resolves credentials.
 * That matters because credentials for an account come from an AssumeRole call made through
 * the same limits: holding a slot while waiting for them could deadlock.
 */
import type { Pluggable } from "@smithy/types";
import { resolveLimits, type AwsService, type ConcurrencyLimitOverrides } from "./limits";
import { Semaphore } from "./semaphore";

export interface AccountLimiter {
  account: Semaphore;
  services: Record<AwsService, Semaphore>;
}

export function createAccountLimiter(overrides?: ConcurrencyLimitOverrides): AccountLimiter {
  const limits = resolveLimits(overrides);
  const services = Object.fromEntries(
    Object.entries(limits.perService).map(([service, capacity]) => [service, new Semaphore(capacity)]),
  ) as Record<AwsService, Semaphore>;
  return { account: new Semaphore(limits.perAccount), services };
}

export function concurrencyLimitPlugin(limiter: AccountLimiter, service: AwsService): Pluggable<any, any> {
  const serviceSemaphore = limiter.services[service];
  return {
    applyToStack(stack) {
      stack.add(
        (next) => async (args) => {
          // Always service first, then account: one fixed order, so no two requests wait on each other.
          const releaseService = await serviceSemaphore.acquire();
          try {
            const releaseAccount = await limiter.account.acquire();
            try {
              return await next(args);
            } finally {
              releaseAccount();
            }
          } finally {
            releaseService();
          }
        },
        { step: "finalizeRequest", priority: "low", name: "iamfitConcurrencyLimit", override: true },
      );
    },
  };
}
