/**
 * SDK clients reused from one account to the next.
 *
 * A collection reads 8 services in ~17 regions, so every account needs ~90 clients and sends
 * about two requests through each. Building an SDK client costs several times what a request
 * does (the runtime config, a dozen config resolvers, the middleware stack, and the configured
 * endpoint looked up in the environment and the shared config file, every miss an Error with a
 * stack trace), so at 1,000 accounts building clients took more of a worker's CPU than sending
 * the requests (`npm run bench:collect`).
 *
 * Here a client built for one service and region is leased to one account at a time, and goes
 * to the next account once released. What belongs to an account is bound per lease, so a lease
 * behaves as a client built for that account alone:
 * - its middleware stack is a copy of the one the client was built with, plus the account's
 *   plugins (its limits and pacing, the caller's plugins);
 * - the credentials and the retry strategy the client's config hands out are the lease's: the
 *   account's credentials, memoized as the SDK does for a new client, and a new retry strategy
 *   (the adaptive mode's rate limiter and the retry quota stay per account, so one throttled
 *   account never slows another);
 * - the clock skew correction starts over.
 * A client serves one lease at a time: a released lease refuses new requests, and the client goes
 * back to the pool only once the lease's requests in flight are over, so nothing of one account
 * can reach another. Clients built in a different environment (custom endpoints, profile) are
 * never mixed up: the caller names the environment in the key.
 */
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from "@smithy/core";
import { resolveRetryConfig } from "@smithy/core/retry";
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  MiddlewareStack,
  Pluggable,
  Provider,
  RetryStrategy,
  RetryStrategyV2,
} from "@smithy/types";

/** The parts of an SDK v3 client the pool relies on. */
export interface PoolableClient {
  config: object;
  middlewareStack: { clone(): MiddlewareStack<any, any>; remove(toRemove: string): boolean };
  send(...args: any[]): unknown;
  destroy(): void;
}

/** What one account brings to a lease. */
export interface LeaseBinding {
  credentials: AwsCredentialIdentityProvider;
  maxAttempts: number;
  retryMode: "standard" | "adaptive";
  /** Replaces maxAttempts and retryMode. */
  retryStrategy?: RetryStrategyV2;
  /** Added, in this order, to the lease's copy of the client's middleware stack. */
  plugins: Pluggable<any, any>[];
}

/** The client settings that come from the lease, for building the client. */
export interface LeasedClientSettings {
  credentials: AwsCredentialIdentityProvider;
  maxAttempts?: number;
  retryMode?: string;
  retryStrategy?: RetryStrategyV2;
}

export interface ClientLease<C> {
  /** The client for this account; it refuses requests once the lease is released. */
  readonly client: C;
  /** Ends the lease; the client returns to the pool when its requests in flight are over. */
  release(): void;
}

/** Idle clients kept per key: enough for every account a worker runs at once, with room to spare. */
export const MAX_IDLE_CLIENTS_PER_KEY = 64;

interface AccountSettings {
  credentials: AwsCredentialIdentityProvider;
  retryStrategy: Provider<RetryStrategyV2 | RetryStrategy>;
  maxAttempts: Provider<number>;
}

/** Which account holds a pooled client now; its config reads credentials and retries through it. */
interface Holder {
  account: AccountSettings | undefined;
}

interface PooledClient {
  client: PoolableClient;
  holder: Holder;
  /** The stack the client was built with (less the logger); every lease gets a copy. */
  stack: MiddlewareStack<any, any>;
  initialClockOffset: unknown;
}

interface ResolvedSdkConfig {
  credentials?: unknown;
  signer?: (authScheme?: unknown) => unknown;
  retryStrategy?: Provider<RetryStrategyV2 | RetryStrategy>;
  maxAttempts?: Provider<number>;
  systemClockOffset?: unknown;
}

export class UnleasedClientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnleasedClientError";
  }
}

export class ClientPool {
  private readonly idle = new Map<string, PooledClient[]>();
  private built = 0;

  constructor(private readonly maxIdlePerKey = MAX_IDLE_CLIENTS_PER_KEY) {}

  /** Clients built so far (tests and the benchmark read it). */
  get clientsBuilt(): number {
    return this.built;
  }

  /**
   * A client for `key` (service, region and the environment it is built in), bound to one
   * account. `build` makes a new client when none is idle; it receives the settings that come
   * from the lease and must pass them to the client's constructor.
   */
  lease<C extends PoolableClient>(key: string, binding: LeaseBinding, build: (settings: LeasedClientSettings) => C): ClientLease<C> {
    const pooled = this.idle.get(key)?.pop() ?? this.build(binding, build);
    pooled.holder.account = accountSettings(binding);
    (pooled.client.config as ResolvedSdkConfig).systemClockOffset = pooled.initialClockOffset;
    return leaseOf(pooled, binding.plugins, () => this.giveBack(key, pooled)) as ClientLease<C>;
  }

  private build(binding: LeaseBinding, build: (settings: LeasedClientSettings) => PoolableClient): PooledClient {
    const holder: Holder = { account: undefined };
    // The SDK memoizes credentials it is given unless told they already are; the lease's are.
    const credentials = Object.assign(
      (properties?: Record<string, unknown>): Promise<AwsCredentialIdentity> => heldBy(holder).credentials(properties),
      { memoized: true },
    );
    const client = build({
      credentials,
      ...(binding.retryStrategy
        ? { retryStrategy: binding.retryStrategy }
        : { maxAttempts: binding.maxAttempts, retryMode: binding.retryMode }),
    });
    const config = client.config as ResolvedSdkConfig;
    // The retry middleware asks the config for the strategy at the start of every request.
    config.retryStrategy = () => heldBy(holder).retryStrategy();
    config.maxAttempts = () => heldBy(holder).maxAttempts();
    memoizeSigner(config);
    // iamfit gives the SDK no logger: its middleware would only copy every input and output,
    // filtered for sensitive fields, for the SDK's no-op logger.
    client.middlewareStack.remove("loggerMiddleware");
    this.built++;
    return { client, holder, stack: client.middlewareStack.clone(), initialClockOffset: config.systemClockOffset };
  }

  private giveBack(key: string, pooled: PooledClient): void {
    pooled.holder.account = undefined;
    const clients = this.idle.get(key) ?? [];
    if (clients.length >= this.maxIdlePerKey) {
      pooled.client.destroy();
      return;
    }
    clients.push(pooled);
    this.idle.set(key, clients);
  }
}

/** The pool every AccountClients of the process leases from. */
export const clientPool = new ClientPool();

function accountSettings(binding: LeaseBinding): AccountSettings {
  const given = binding.credentials as AwsCredentialIdentityProvider & { memoized?: boolean };
  const credentials = given.memoized ? given : memoizeIdentityProvider(given, isIdentityExpired, doesIdentityRequireRefresh)!;
  const retry = resolveRetryConfig({
    maxAttempts: binding.maxAttempts,
    retryMode: binding.retryMode,
    ...(binding.retryStrategy ? { retryStrategy: binding.retryStrategy } : {}),
  });
  return { credentials, retryStrategy: retry.retryStrategy, maxAttempts: retry.maxAttempts };
}

/**
 * The SDK makes a new request signer for every request, from a copy of the whole client config;
 * what it makes depends only on the client and the endpoint's auth scheme (the signer asks the
 * config for credentials, i.e. the lease's, each time it signs), so one per auth scheme will do.
 */
function memoizeSigner(config: ResolvedSdkConfig): void {
  const makeSigner = config.signer;
  if (typeof makeSigner !== "function") return;
  const signers = new Map<string, Promise<unknown>>();
  config.signer = (authScheme?: unknown) => {
    const key = JSON.stringify(authScheme ?? null);
    let signer = signers.get(key);
    if (!signer) {
      signer = Promise.resolve(makeSigner(authScheme));
      signers.set(key, signer);
      signer.catch(() => signers.delete(key));
    }
    return signer;
  };
}

function heldBy(holder: Holder): AccountSettings {
  if (!holder.account) throw new UnleasedClientError("An SDK client was used while no account held it.");
  return holder.account;
}

function leaseOf(pooled: PooledClient, plugins: Pluggable<any, any>[], whenIdle: () => void): ClientLease<PoolableClient> {
  const stack = pooled.stack.clone();
  for (const plugin of plugins) stack.use(plugin);
  let inFlight = 0;
  let released = false;
  const settle = () => {
    inFlight--;
    if (released && inFlight === 0) whenIdle();
  };
  const send = pooled.client.send;
  // The client's own send, run with the lease as `this`: it reads the lease's middleware stack
  // and the client's config.
  const client = Object.create(pooled.client, {
    middlewareStack: { value: stack, writable: true, enumerable: true, configurable: true },
    send: {
      value(this: PoolableClient, command: unknown, ...rest: unknown[]) {
        if (released) {
          return Promise.reject(new UnleasedClientError("This account's SDK clients were released; the request was not sent."));
        }
        inFlight++;
        const callback = rest.at(-1);
        if (typeof callback === "function") {
          rest[rest.length - 1] = (...outcome: unknown[]) => {
            settle();
            return callback(...outcome);
          };
        }
        let sent: unknown;
        try {
          sent = send.call(this, command, ...rest);
        } catch (error) {
          settle();
          throw error;
        }
        return typeof callback === "function" ? sent : (sent as Promise<unknown>).finally(settle);
      },
      writable: true,
      configurable: true,
    },
  }) as PoolableClient;
  return {
    client,
    release() {
      if (released) return;
      released = true;
      if (inFlight === 0) whenIdle();
    },
  };
}
