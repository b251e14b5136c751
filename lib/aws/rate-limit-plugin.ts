/**
 * A per-account request-rate cap, per service family, on top of the concurrency limits: a
 * collection spaces its requests evenly (at most `rate` a second, no bursts), so it never takes
 * more than a fixed share of an API's quota from the workloads that call the same APIs.
 *
 * It sits in the finalizeRequest step after the retry middleware, just ahead of the concurrency
 * middleware, so every attempt counts (AWS throttles attempts, retries included), the SDK's
 * backoff between retries is not charged, and a request waiting for its turn holds no
 * concurrency slot. A request may still wait for a slot after its turn, so a few can leave
 * together; the in-flight bounds cap that. The wait honours the request's abort signal, so a
 * cancelled collection does not sit out its queue of paced requests.
 */
import { SMITHY_CONTEXT_KEY, type HandlerExecutionContext, type Pluggable } from "@smithy/types";
import { DEFAULT_REQUEST_RATES, type AwsService } from "./limits";

/** The families rates are set for: S3 Control shares S3's; the identity store shares Identity Center's. */
export const SERVICE_FAMILIES = ["iam", "sts", "ec2", "autoscaling", "s3", "cloudtrail", "accessanalyzer", "identitycenter"] as const;
export type ServiceFamily = (typeof SERVICE_FAMILIES)[number];

export type RequestRates = Record<ServiceFamily, number>;

export function serviceFamily(service: AwsService): ServiceFamily {
  if (service === "s3control") return "s3";
  if (service === "sso-admin" || service === "identitystore") return "identitycenter";
  return service;
}

/** Paces one family: the n-th request may start n/rate seconds after the first (a leaky bucket of one). */
export interface Pacer {
  readonly rate: number;
  acquire(signal?: AbortSignal): Promise<void>;
}

export function createPacer(rate: number, clock: () => number = Date.now): Pacer {
  if (!(rate > 0)) throw new RangeError(`a request rate must be above 0, got ${rate}`);
  const interval = 1000 / rate;
  let nextStart = -Infinity;
  return {
    rate,
    async acquire(signal) {
      signal?.throwIfAborted();
      const now = clock();
      const start = Math.max(now, nextStart);
      nextStart = start + interval;
      if (start > now) await sleep(start - now, signal);
    },
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error("aborted"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** One account's pacers; every client of the account shares them. */
export type AccountPacers = Partial<Record<ServiceFamily, Pacer>>;

const pacersByAccount = new WeakMap<object, AccountPacers>();

/**
 * The pacers of the account whose concurrency limiter is `account`: the client caches of one
 * AccountClients (base and audit-role credentials) share the limiter, and so share the pacers.
 */
export function accountPacersFor(account: object, rates: Partial<RequestRates> | undefined): AccountPacers {
  const existing = pacersByAccount.get(account);
  if (existing) return existing;
  const pacers = createAccountPacers(rates);
  pacersByAccount.set(account, pacers);
  return pacers;
}

/** Families without a rate (or with 0) are not paced. */
export function createAccountPacers(rates: Partial<RequestRates> | undefined): AccountPacers {
  const pacers: AccountPacers = {};
  for (const family of SERVICE_FAMILIES) {
    const rate = rates?.[family];
    if (rate !== undefined && rate > 0) pacers[family] = createPacer(rate);
  }
  return pacers;
}

export function rateLimitPlugin(pacers: AccountPacers, service: AwsService): Pluggable<any, any> {
  const pacer = pacers[serviceFamily(service)];
  return {
    applyToStack(stack) {
      if (!pacer) return;
      stack.add(
        (next, context: HandlerExecutionContext) => async (args) => {
          const signal = context[SMITHY_CONTEXT_KEY]?.abortSignal as AbortSignal | undefined;
          await pacer.acquire(signal && "throwIfAborted" in signal ? signal : undefined);
          return next(args);
        },
        { step: "finalizeRequest", priority: "low", name: "iamfitRateLimit", override: true },
      );
    },
  };
}

/**
 * IAMFIT_REQUEST_RATES: "iam=2,ec2=5" overrides those families (the others keep their defaults),
 * "iam=0" leaves a family unpaced, "off" leaves every family unpaced.
 */
export function parseRequestRates(text: string): Partial<RequestRates> | "off" {
  const trimmed = text.trim();
  if (trimmed === "off") return "off";
  const rates: Partial<RequestRates> = {};
  for (const entry of trimmed.split(",").map((part) => part.trim()).filter(Boolean)) {
    // "iam=off" is "iam=0": the README's word for removing one family's cap.
    const match = /^([a-z0-9]+)\s*=\s*(\d+(?:\.\d+)?|off)$/.exec(entry);
    const family = match?.[1] as ServiceFamily | undefined;
    if (!match || !family || !SERVICE_FAMILIES.includes(family)) {
      throw new Error(`"${entry}" is not family=requests-per-second with a family among ${SERVICE_FAMILIES.join(", ")}`);
    }
    rates[family] = match[2] === "off" ? 0 : Number(match[2]);
  }
  return rates;
}

/** The rates in effect: the defaults with the overrides applied; 0 means unpaced. */
export function resolveRequestRates(overrides: Partial<RequestRates> | "off" | undefined): RequestRates {
  if (overrides === "off") return Object.fromEntries(SERVICE_FAMILIES.map((family) => [family, 0])) as RequestRates;
  return { ...DEFAULT_REQUEST_RATES, ...overrides };
}

/** "iam 5/s, sts 10/s, …" for --help and the settings page. */
export function describeRequestRates(rates: RequestRates): string {
  return SERVICE_FAMILIES.map((family) => `${family} ${rates[family] > 0 ? `${rates[family]}/s` : "unpaced"}`).join(", ");
}
