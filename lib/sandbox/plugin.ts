/**
 * The SDK plugin that makes real AWS SDK v3 clients talk to the sandbox world.
 *
 * One middleware at the `deserialize` step, high priority, so it sits outside the client's own
 * deserializer and never calls `next`: serialization, endpoint resolution, SigV4 signing and the
 * retry middleware (finalizeRequest step) all run for real. It reads the command from
 * `context.commandName`/`context.clientName`, the caller and region from the signed request's
 * Authorization header, and returns `{ output, response }` as the deserializer would:
 * `output.$metadata` must exist (the retry middleware writes attempts and totalRetryDelay into
 * it) and `response` passes HttpResponse.isInstance (numeric statusCode, headers object).
 * Errors are thrown AWS-shaped (aws-errors.ts). No `date` header is returned: the signer would
 * otherwise correct the client's clock towards the sandbox's.
 */
import type { DeserializeHandlerArguments, DeserializeHandlerOutput, HandlerExecutionContext, MetadataBearer, Pluggable } from "@smithy/types";
import { SMITHY_CONTEXT_KEY } from "@smithy/types";
import {
  abortError,
  accessDeniedError,
  internalError,
  invalidCredentialsError,
  regionDisabledError,
  throttlingError,
  timeoutError,
  type SandboxService,
} from "@/lib/sandbox/aws-errors";
import { isRegionEnabled } from "@/lib/sandbox/account-builder";
import { createFaultEngine, type FaultEngine, type FaultKind, type FaultPlan } from "@/lib/sandbox/faults";
import { HANDLERS, REGIONAL_SERVICES, SERVICE_BY_CLIENT } from "@/lib/sandbox/handlers";
import type { CallerIdentity, SandboxCall } from "@/lib/sandbox/handlers/types";
import { accountOfArn } from "@/lib/sandbox/identifiers";
import { isKnownRegion } from "@/lib/sandbox/regions";
import { parseAuthorization, resolveCaller } from "@/lib/sandbox/request-identity";
import { worldInternals, type SandboxWorld, type WorldInternals } from "@/lib/sandbox/world";

export type AbortSignalLike = { aborted: boolean; addEventListener?: (type: "abort", listener: () => void) => void; removeEventListener?: (type: "abort", listener: () => void) => void; onabort?: unknown };

/** Waits `ms`, or rejects with AbortError as soon as the request's abort signal fires. */
function wait(ms: number, signal: AbortSignalLike | undefined): Promise<"elapsed"> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener?.("abort", onAbort);
      resolve("elapsed");
    }, ms);
    if (signal?.addEventListener) signal.addEventListener("abort", onAbort);
    else if (signal) signal.onabort = onAbort;
  });
}

function errorCode(error: unknown): string {
  if (typeof error !== "object" || error === null) return "UnknownError";
  const record = error as { Code?: unknown; name?: unknown };
  return typeof record.Code === "string" ? record.Code : typeof record.name === "string" ? record.name : "UnknownError";
}

function unsupported(api: string, commandName: string, clientName: string, requestId: string): Error {
  return Object.assign(new Error(`The iamfit sandbox does not implement ${api} (${commandName} of ${clientName}).`), {
    name: "SandboxUnsupportedOperation",
    $fault: "client",
    $metadata: { httpStatusCode: 501, requestId },
  });
}

/** A region AWS has no endpoint for fails in DNS, before any AWS answer. */
function unknownRegion(hostname: string | undefined, region: string): Error {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname ?? `unknown endpoint in ${region}`}`), { code: "ENOTFOUND" });
}

async function injectFault(
  fault: FaultKind,
  call: { service: SandboxService; api: string; requestId: string; caller: CallerIdentity; faultAccountId: string },
  engine: FaultEngine,
  signal: AbortSignalLike | undefined,
): Promise<never> {
  switch (fault) {
    case "throttle":
      throw throttlingError(call.service, call.requestId);
    case "access_denied":
      throw accessDeniedError(call.service, call.requestId, call.caller.arn, call.api);
    case "region_disabled":
      throw call.service === "sts" ? regionDisabledError(call.requestId, call.faultAccountId) : invalidCredentialsError(call.service, call.requestId);
    case "timeout":
      throw timeoutError(call.api);
    case "internal_error":
      throw internalError(call.service, call.requestId);
    case "hang":
      await wait(engine.hangMs, signal);
      throw timeoutError(call.api);
  }
}

/** One request as the sandbox sees it, from the SDK's middleware stack or from HTTP (http-server.ts). */
export interface SandboxRequest {
  /** The SDK client's name (IAMClient…): says the service. */
  clientName: string;
  /** The operation, e.g. GetAccountSummary. */
  operation: string;
  /** The signed request's headers: the caller and region come from its Authorization header. */
  headers: Record<string, string> | undefined;
  hostname?: string;
  input: Record<string, unknown>;
  signal?: AbortSignalLike;
}

export interface SandboxAnswer {
  output: object;
  requestId: string;
}

/** Answers requests from one world with one fault engine: the in-process plugin and the HTTP sandbox share it. */
export type SandboxResponder = (request: SandboxRequest) => Promise<SandboxAnswer>;

export function sandboxResponder(world: SandboxWorld, faults?: FaultPlan): SandboxResponder {
  const internals = worldInternals(world);
  const engine = createFaultEngine(world.seed, faults, internals.builtInFaultRules);
  return (request) => answer(world, internals, engine, request);
}

async function answer(world: SandboxWorld, internals: WorldInternals, engine: FaultEngine, request: SandboxRequest): Promise<SandboxAnswer> {
  const { clientName, operation, signal } = request;
  const service = SERVICE_BY_CLIENT[clientName];
  const api = `${service ?? clientName}:${operation}`;
  const requestId = internals.nextRequestId();
  let statsAccount = "unknown";
  try {
    if (!service) throw unsupported(api, `${operation}Command`, clientName, requestId);
    const scope = parseAuthorization(request.headers);
    if (!scope) throw invalidCredentialsError(service, requestId);
    const latency = engine.latencyFor(api);
    if (latency > 0) await wait(latency, signal);
    if (!isKnownRegion(scope.region)) throw unknownRegion(request.hostname, scope.region);

    const { caller, account } = resolveCaller(world, internals, service, scope.accessKeyId, requestId);
    const input = request.input;
    // AssumeRole is about the role's account; every other call about the caller's.
    const faultAccountId = api === "sts:AssumeRole" ? (accountOfArn(String(input.RoleArn ?? "")) ?? caller.accountId) : caller.accountId;
    statsAccount = faultAccountId;
    const fault = engine.faultFor({ api, accountId: faultAccountId, region: scope.region });
    if (fault) await injectFault(fault, { service, api, requestId, caller, faultAccountId }, engine, signal);

    const handler = HANDLERS[service][operation];
    if (!handler) throw unsupported(api, `${operation}Command`, clientName, requestId);
    if (REGIONAL_SERVICES.has(service) && !isRegionEnabled(account, scope.region)) {
      throw invalidCredentialsError(service, requestId);
    }
    const call: SandboxCall = { world, internals, service, api, region: scope.region, requestId, input, caller, account };
    const output = await handler(call);
    internals.stats.record(api, statsAccount, "ok");
    return { output, requestId };
  } catch (error) {
    internals.stats.record(api, statsAccount, errorCode(error));
    throw error;
  }
}

async function answerCommand(
  respond: SandboxResponder,
  context: HandlerExecutionContext,
  args: DeserializeHandlerArguments<object>,
): Promise<DeserializeHandlerOutput<MetadataBearer>> {
  const request = args.request as { hostname?: string; headers?: Record<string, string> } | undefined;
  const { output, requestId } = await respond({
    clientName: context.clientName ?? "UnknownClient",
    operation: (context.commandName ?? "UnknownCommand").replace(/Command$/, ""),
    headers: request?.headers,
    hostname: request?.hostname,
    input: (args.input ?? {}) as Record<string, unknown>,
    signal: context[SMITHY_CONTEXT_KEY]?.abortSignal as AbortSignalLike | undefined,
  });
  return {
    output: { ...output, $metadata: { httpStatusCode: 200, requestId, extendedRequestId: undefined, cfId: undefined } },
    response: { statusCode: 200, headers: { "x-amzn-requestid": requestId }, body: new Uint8Array(0) },
  };
}

/**
 * Adds the sandbox to an SDK client: `client.middlewareStack.use(sandboxPlugin(world))`, or in
 * `clientPlugins` of @aws-sdk/credential-providers' fromTemporaryCredentials. Each plugin has its
 * own fault counters; the world's call statistics are shared.
 */
export function sandboxPlugin(world: SandboxWorld, faults?: FaultPlan): Pluggable<any, any> {
  const respond = sandboxResponder(world, faults);
  return {
    applyToStack(stack) {
      stack.add(
        (_next: unknown, context: HandlerExecutionContext) => (args: DeserializeHandlerArguments<object>) =>
          answerCommand(respond, context, args),
        { step: "deserialize", priority: "high", name: "iamfitSandboxMiddleware", tags: ["IAMFIT_SANDBOX"], override: true },
      );
    },
  };
}
