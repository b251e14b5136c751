/**
 * What every SDK client of this process shares, set up once instead of once per client.
 *
 * A collection creates ~80 clients per account (services × regions). Left to itself, each client
 * resolves the same process-wide settings again from the environment and the shared config file
 * (a failed environment lookup, a profile lookup and a default per setting, each failure building
 * an Error with a stack trace) and builds its own HTTP handler with its own connection pool. Here
 * the settings are resolved with the SDK's own loaders and selectors (the `NODE_*_OPTIONS`), so
 * AWS_USE_FIPS_ENDPOINT, use_dualstack_endpoint in ~/.aws/config, AWS_SDK_UA_APP_ID and the rest
 * still apply, but they are read on first use and then kept for the life of the process.
 *
 * Custom endpoints are deliberately not here: every client still resolves AWS_ENDPOINT_URL and
 * AWS_ENDPOINT_URL_<SERVICE> itself (AWS-NOTES.md, "Credentials and accounts").
 */
import https from "node:https";
import { NODE_APP_ID_CONFIG_OPTIONS } from "@aws-sdk/core/client";
import { NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, NODE_SIGV4A_CONFIG_OPTIONS } from "@aws-sdk/core/httpAuthSchemes";
import {
  loadConfig,
  NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS,
  NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS,
} from "@smithy/core/config";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { Provider } from "@smithy/types";

export interface ProcessWideClientConfig {
  useFipsEndpoint: Provider<boolean>;
  useDualstackEndpoint: Provider<boolean>;
  userAgentAppId: Provider<string | undefined>;
  authSchemePreference: Provider<string[]>;
  requestHandler: NodeHttpHandler;
}

/** Settings only some clients read (STS and S3 sign with SigV4a where AWS asks for it). */
export interface ProcessWideSigV4aConfig {
  sigv4aSigningRegionSet: Provider<string[] | undefined>;
}

/** Without these a black-holed endpoint would hold a concurrency slot for minutes. */
export const CONNECTION_TIMEOUT_MS = 5_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Connections to one endpoint (iam.amazonaws.com, ec2.<region>.amazonaws.com, ...) kept by the
 * shared pool. The concurrency limits (lib/aws/limits.ts) already bound requests in flight; the
 * SDK's default of 50 per endpoint would queue requests inside the pool while they hold a slot.
 */
const MAX_SOCKETS_PER_ENDPOINT = 512;

/**
 * One HTTP handler for every client. Clients are destroyed when their account is done, and
 * `client.destroy()` destroys its handler's connections: shared, that would cut the requests of
 * every other account in flight, so destroying is left to the process's end (idle keep-alive
 * sockets are unref'd by Node's agent and do not keep the process alive). Each client also pushes
 * the same settings into its handler on construction; repeats are ignored instead of resetting it.
 */
class ProcessWideHttpHandler extends NodeHttpHandler {
  private readonly appliedSettings = new Map<unknown, unknown>();

  override destroy(): void {}

  override updateHttpClientConfig(key: never, value: never): void {
    if (this.appliedSettings.has(key) && this.appliedSettings.get(key) === value) return;
    this.appliedSettings.set(key, value);
    super.updateHttpClientConfig(key, value);
  }
}

let shared: (ProcessWideClientConfig & ProcessWideSigV4aConfig) | undefined;

export function processWideClientConfig(): ProcessWideClientConfig & ProcessWideSigV4aConfig {
  shared ??= {
    useFipsEndpoint: loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS),
    useDualstackEndpoint: loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS),
    userAgentAppId: loadConfig(NODE_APP_ID_CONFIG_OPTIONS),
    authSchemePreference: loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS),
    sigv4aSigningRegionSet: loadConfig(NODE_SIGV4A_CONFIG_OPTIONS),
    requestHandler: new ProcessWideHttpHandler({
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_ENDPOINT }),
    }),
  };
  return shared;
}
