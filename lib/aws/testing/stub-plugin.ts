/**
 * Test-only: answers SDK commands from a table instead of HTTP. It sits in the deserialize step
 * ahead of the SDK's deserializer, like the sandbox does, so serialization, signing, retries,
 * paginators and the concurrency middleware all run as against AWS. Thrown errors are shaped
 * like the SDK's (name, $fault, $metadata.httpStatusCode) so the retry strategy classifies them
 * (throttling as throttling) exactly as it would AWS's.
 */
import type { Pluggable } from "@smithy/types";

export interface StubCall {
  /** "IAM", "EC2", "S3Control"… (the client class name without "Client"). */
  service: string;
  /** "GetAccountSummary" (the command class name without "Command"). */
  operation: string;
  input: Record<string, unknown>;
  /** Parsed from the endpoint host; us-east-1 for global endpoints. */
  region: string;
  hostname: string;
  path: string;
}

export type StubAnswer = Error | Record<string, unknown> | ((input: any, call: StubCall) => unknown);

/**
 * Keys are "Operation" or "Service:Operation" (the latter wins, for names two services share,
 * e.g. "S3Control:GetPublicAccessBlock"). A list answers successive calls in order and repeats
 * its last entry.
 */
export type StubTable = Record<string, StubAnswer | StubAnswer[]>;

export function awsError(
  code: string,
  options: { httpStatus?: number; message?: string; fault?: "client" | "server" } = {},
): Error {
  const httpStatus = options.httpStatus ?? 400;
  return Object.assign(new Error(options.message ?? code), {
    name: code,
    Code: code,
    $fault: options.fault ?? (httpStatus >= 500 ? "server" : "client"),
    $metadata: { httpStatusCode: httpStatus, requestId: "stub-request" },
  });
}

export function stubPlugin(table: StubTable): { plugin: Pluggable<any, any>; calls: StubCall[] } {
  const calls: StubCall[] = [];
  const positions = new Map<string, number>();
  const plugin: Pluggable<any, any> = {
    applyToStack(stack) {
      stack.add(
        (_next, context) => async (args) => {
          const service = String(context.clientName ?? "").replace(/Client$/, "");
          const operation = String(context.commandName ?? "").replace(/Command$/, "");
          const request = args.request as { hostname?: string; path?: string } | undefined;
          const hostname = request?.hostname ?? "";
          const call: StubCall = {
            service,
            operation,
            // Paginators reuse one input object across pages: keep what this call was sent.
            input: { ...((args.input ?? {}) as Record<string, unknown>) },
            region: regionOfHost(hostname),
            hostname,
            path: request?.path ?? "",
          };
          calls.push(call);
          const key = `${service}:${operation}` in table ? `${service}:${operation}` : operation;
          const entry = table[key];
          if (entry === undefined) {
            throw awsError("StubNotConfigured", { message: `No stub answer for ${service}:${operation}` });
          }
          let answer: StubAnswer | undefined;
          if (Array.isArray(entry)) {
            const position = positions.get(key) ?? 0;
            positions.set(key, position + 1);
            answer = entry[Math.min(position, entry.length - 1)];
          } else {
            answer = entry;
          }
          const result = typeof answer === "function" ? await answer(call.input, call) : answer;
          if (result instanceof Error) throw result;
          return {
            output: { ...(result as Record<string, unknown>), $metadata: { httpStatusCode: 200 } },
            response: { statusCode: 200, headers: {}, body: undefined },
          };
        },
        { step: "deserialize", priority: "high", name: "iamfitTestStub", override: true },
      );
    },
  };
  return { plugin, calls };
}

function regionOfHost(hostname: string): string {
  const match = /(?:^|\.)((?:[a-z]{2}|us-gov|us-iso[a-z]?)-[a-z]+-\d+)\./.exec(hostname);
  return match?.[1] ?? "us-east-1";
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
