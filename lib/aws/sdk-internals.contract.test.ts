/**
 * What lib/aws/client-pool.ts and lib/aws/process-wide-sdk-config.ts rely on inside the AWS SDK,
 * beyond its documented API. Each test names one assumption; when an SDK upgrade breaks one, this
 * file says which, before the pool quietly mixes accounts' credentials or retries. The SDK
 * packages are pinned to exact versions in package.json for the same reason: an upgrade is a
 * deliberate change that runs these tests.
 */
import https from "node:https";
import { GetAccountSummaryCommand, IAMClient } from "@aws-sdk/client-iam";
import { NODE_APP_ID_CONFIG_OPTIONS } from "@aws-sdk/core/client";
import { NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, NODE_SIGV4A_CONFIG_OPTIONS } from "@aws-sdk/core/httpAuthSchemes";
import { doesIdentityRequireRefresh, isIdentityExpired, memoizeIdentityProvider } from "@smithy/core";
import { loadConfig, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS } from "@smithy/core/config";
import { resolveRetryConfig, StandardRetryStrategy } from "@smithy/core/retry";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsCredentialIdentity, MiddlewareStack, Pluggable } from "@smithy/types";
import { describe, expect, it } from "vitest";
import { stubPlugin } from "./testing/stub-plugin";
import { BASE_CREDENTIALS } from "./testing/test-clients";

const SUMMARY = { SummaryMap: { Users: 1 } };

/** The SDK-resolved config fields the pool reads or replaces. */
interface ResolvedConfig {
  credentials: unknown;
  signer: (authScheme?: unknown) => Promise<unknown>;
  retryStrategy: () => Promise<unknown>;
  maxAttempts: () => Promise<number>;
  systemClockOffset: unknown;
  requestHandler: unknown;
}

function iamClient(options: ConstructorParameters<typeof IAMClient>[0] = {}) {
  const stub = stubPlugin({ GetAccountSummary: SUMMARY });
  const client = new IAMClient({ region: "us-east-1", credentials: async () => BASE_CREDENTIALS, ...options });
  client.middlewareStack.use(stub.plugin);
  return { client, config: client.config as unknown as ResolvedConfig, calls: stub.calls };
}

/** A plugin that records the Authorization header of each signed request. */
function authorizationHeaders(): { plugin: Pluggable<any, any>; seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    plugin: {
      applyToStack(stack) {
        stack.add(
          (next) => async (args) => {
            seen.push((args.request as { headers: Record<string, string> }).headers.authorization ?? "");
            return next(args);
          },
          { step: "finalizeRequest", priority: "low", name: "contractAuthorizationHeaders", override: true },
        );
      },
    },
  };
}

describe("AWS SDK internals the client pool relies on", () => {
  it("@smithy/core exports the identity memoization and retry-config helpers the pool calls", async () => {
    let calls = 0;
    const memoized = memoizeIdentityProvider(
      async (): Promise<AwsCredentialIdentity> => (calls++, { ...BASE_CREDENTIALS, expiration: new Date(Date.now() + 3_600_000) }),
      isIdentityExpired,
      doesIdentityRequireRefresh,
    )!;
    await memoized();
    await memoized();
    expect(calls).toBe(1);

    const retry = resolveRetryConfig({ maxAttempts: 4, retryMode: "adaptive" });
    expect(typeof retry.retryStrategy).toBe("function");
    expect(await retry.maxAttempts()).toBe(4);
    expect(await retry.retryStrategy()).toHaveProperty("acquireInitialRetryToken");
  });

  it("uses a credentials provider marked `memoized` as given: it asks it again for every request", async () => {
    let asked = 0;
    const credentials = Object.assign(async () => (asked++, BASE_CREDENTIALS), { memoized: true });
    const { client } = iamClient({ credentials });
    await client.send(new GetAccountSummaryCommand({}));
    const afterFirst = asked;
    await client.send(new GetAccountSummaryCommand({}));
    expect(afterFirst).toBeGreaterThanOrEqual(1);
    expect(asked).toBeGreaterThan(afterFirst);
  });

  it("reads config.retryStrategy and config.maxAttempts anew at every request, so replacing them after construction takes effect", async () => {
    const { client, config } = iamClient();
    let strategiesAsked = 0;
    const strategy = new StandardRetryStrategy(1);
    config.retryStrategy = async () => (strategiesAsked++, strategy);
    config.maxAttempts = async () => 1;
    await client.send(new GetAccountSummaryCommand({}));
    const afterFirst = strategiesAsked;
    await client.send(new GetAccountSummaryCommand({}));
    expect(afterFirst).toBeGreaterThanOrEqual(1);
    expect(strategiesAsked).toBeGreaterThan(afterFirst);
  });

  it("makes each request's signer through config.signer(authScheme), which may be replaced", async () => {
    const { client, config } = iamClient();
    const original = config.signer;
    expect(typeof original).toBe("function");
    const schemes: unknown[] = [];
    config.signer = (authScheme?: unknown) => (schemes.push(authScheme), original(authScheme));
    const headers = authorizationHeaders();
    client.middlewareStack.use(headers.plugin);
    await client.send(new GetAccountSummaryCommand({}));
    expect(schemes.length).toBeGreaterThanOrEqual(1);
    expect(headers.seen[0]).toMatch(/Credential=AKIDBASEEXAMPLE\//);
  });

  it("keeps the clock skew correction in config.systemClockOffset, a number that starts at 0", () => {
    expect(iamClient().config.systemClockOffset).toBe(0);
  });

  it("names its logger middleware loggerMiddleware, and a middleware stack can be cloned", () => {
    const { client } = iamClient();
    const stack = client.middlewareStack as unknown as MiddlewareStack<any, any>;
    const copy = stack.clone();
    expect(copy.identify().some((entry) => entry.startsWith("loggerMiddleware"))).toBe(true);
    expect(client.middlewareStack.remove("loggerMiddleware")).toBe(true);
  });

  it("sends through `this.middlewareStack`: an object created from the client with its own stack sends through that stack", async () => {
    const { client, calls } = iamClient();
    const headers = authorizationHeaders();
    const stack = (client.middlewareStack as unknown as MiddlewareStack<any, any>).clone();
    stack.use(headers.plugin);
    const lease = Object.create(client, { middlewareStack: { value: stack, writable: true, configurable: true } }) as IAMClient;
    await lease.send(new GetAccountSummaryCommand({}));
    expect(headers.seen).toHaveLength(1);
    await client.send(new GetAccountSummaryCommand({}));
    expect(headers.seen).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });
});

describe("AWS SDK internals the process-wide config relies on", () => {
  it("exports the NODE_*_OPTIONS loaders, which loadConfig turns into providers", async () => {
    for (const options of [
      NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS,
      NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS,
      NODE_APP_ID_CONFIG_OPTIONS,
      NODE_AUTH_SCHEME_PREFERENCE_OPTIONS,
      NODE_SIGV4A_CONFIG_OPTIONS,
    ]) {
      expect(typeof loadConfig(options as Parameters<typeof loadConfig>[0])).toBe("function");
    }
    expect(await loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS)()).toBe(false);
  });

  it("keeps a request handler instance it is given, lets it be updated through updateHttpClientConfig, and destroys it with the client", () => {
    let destroyed = 0;
    class RecordingHandler extends NodeHttpHandler {
      override destroy(): void {
        destroyed++;
        super.destroy();
      }
    }
    const handler = new RecordingHandler({ httpsAgent: new https.Agent({ keepAlive: true }) });
    const { client, config } = iamClient({ requestHandler: handler });
    expect(config.requestHandler).toBe(handler);
    expect(typeof handler.updateHttpClientConfig).toBe("function");
    client.destroy();
    expect(destroyed).toBe(1);
  });
});
