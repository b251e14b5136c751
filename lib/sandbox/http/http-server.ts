/**
 * The sandbox organization as an AWS-compatible endpoint on loopback: point AWS_ENDPOINT_URL at
 * it and the SDK clients send real, signed HTTP requests and parse real XML and JSON answers,
 * the paths AWS itself exercises. Each request is read back into its command (wire-request.ts),
 * answered by the same responder as the in-process plugin (caller and account from the SigV4
 * Authorization header, so AssumeRole sessions reach their account) and written as the
 * service's protocol puts it on the wire (wire-body.ts).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { NormalizedSchema } from "@smithy/core/schema";
import type { FaultPlan } from "@/lib/sandbox/faults";
import { sandboxResponder, type SandboxResponder } from "@/lib/sandbox/plugin";
import { parseAuthorization } from "@/lib/sandbox/request-identity";
import type { SandboxWorld } from "@/lib/sandbox/world";
import { escapeXml, isHttpBound, jsonValue, xmlContent, xmlElement } from "./wire-body";
import { decodeRequest, serviceOf, type OperationSchema, type WireRequest, type WireService } from "./wire-request";

export interface SandboxHttpServer {
  /** http://127.0.0.1:<port>, for AWS_ENDPOINT_URL. */
  endpoint: string;
  close(): Promise<void>;
}

interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export async function startSandboxHttpServer(
  world: SandboxWorld,
  options: { faults?: FaultPlan; host?: string; port?: number } = {},
): Promise<SandboxHttpServer> {
  const respond = sandboxResponder(world, options.faults);
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const abort = new AbortController();
      response.on("close", () => abort.abort());
      const wire: WireRequest = {
        method: request.method ?? "GET",
        url: request.url ?? "/",
        headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(",") : (value ?? "")])),
        body: Buffer.concat(chunks).toString("utf8"),
      };
      void answerHttp(respond, wire, abort.signal).then(
        (answer) => {
          if (!answer) return void request.socket.destroy();
          response.writeHead(answer.status, { ...answer.headers, "content-length": Buffer.byteLength(answer.body) });
          response.end(answer.body);
        },
        () => request.socket.destroy(),
      );
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** undefined: no HTTP answer at all (a timeout or DNS failure in AWS), the connection is dropped. */
async function answerHttp(respond: SandboxResponder, request: WireRequest, signal: AbortSignal): Promise<WireResponse | undefined> {
  const path = new URL(request.url, "http://sandbox.invalid").pathname;
  const scope = parseAuthorization(request.headers);
  const service = scope ? serviceOf(scope.signingService, path) : undefined;
  if (!service) return { status: 400, headers: { "content-type": "text/plain" }, body: "The iamfit sandbox cannot tell which AWS service this request is for." };
  const decoded = decodeRequest(service, request);
  if (!decoded) return errorResponse(service, { code: "InvalidAction", message: `The iamfit sandbox does not implement ${request.method} ${request.url}.`, status: 400, requestId: "" });
  try {
    const { output, requestId } = await respond({
      clientName: service.clientName,
      operation: decoded.operation,
      headers: request.headers,
      hostname: request.headers.host,
      input: decoded.input,
      signal,
    });
    return outputResponse(service, decoded.schema, output as Record<string, unknown>, requestId);
  } catch (error) {
    const failure = awsFailureOf(error);
    return failure ? errorResponse(service, failure) : undefined;
  }
}

function outputResponse(service: WireService, schema: OperationSchema, output: Record<string, unknown>, requestId: string): WireResponse {
  const operation = schema[2];
  const ns = NormalizedSchema.of(schema[5] as never);
  const headers: Record<string, string> = { "x-amzn-requestid": requestId };
  switch (service.protocol) {
    case "awsQuery": {
      const result = ns.isStructSchema() ? xmlElement(`${operation}Result`, ns, output) : "";
      const body = `<${operation}Response xmlns="${service.xmlns}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
      return { status: 200, headers: { ...headers, "content-type": "text/xml" }, body };
    }
    case "ec2Query": {
      const { content } = ns.isStructSchema() ? xmlContent(ns, output) : { content: "" };
      const body = `<${operation}Response xmlns="${service.xmlns}"><requestId>${requestId}</requestId>${content}</${operation}Response>`;
      return { status: 200, headers: { ...headers, "content-type": "text/xml" }, body };
    }
    case "awsJson":
      return { status: 200, headers: { ...headers, "content-type": "application/x-amz-json-1.1" }, body: JSON.stringify(jsonValue(ns, output, false) ?? {}) };
    case "restJson":
      return { status: 200, headers: { ...headers, ...httpHeaders(ns, output), "content-type": "application/json" }, body: JSON.stringify(jsonValue(ns, output, true) ?? {}) };
    case "restXml":
      return { status: 200, headers: { ...headers, ...httpHeaders(ns, output), "content-type": "application/xml" }, body: restXmlBody(ns, output) };
  }
}

function httpHeaders(ns: NormalizedSchema, output: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!ns.isStructSchema()) return headers;
  for (const [memberName, member] of ns.structIterator()) {
    const header = member.getMergedTraits().httpHeader;
    const value = output[memberName];
    if (typeof header === "string" && value != null) headers[header.toLowerCase()] = value instanceof Date ? value.toUTCString() : String(value);
  }
  return headers;
}

/** The payload member as the body (a bucket policy is the raw JSON document), else the output as one element. */
function restXmlBody(ns: NormalizedSchema, output: Record<string, unknown>): string {
  if (!ns.isStructSchema()) return "";
  for (const [memberName, member] of ns.structIterator()) {
    if (!member.getMergedTraits().httpPayload) continue;
    const value = output[memberName];
    if (value == null) return "";
    if (!member.isStructSchema()) return String(value);
    return xmlElement((member.getMergedTraits().xmlName as string | undefined) ?? member.getName() ?? memberName, member, value);
  }
  const hasBody = [...ns.structIterator()].some(([memberName, member]) => output[memberName] != null && !isHttpBound(member));
  return hasBody ? xmlElement((ns.getMergedTraits().xmlName as string | undefined) ?? ns.getName() ?? "Result", ns, output) : "";
}

interface AwsFailure {
  code: string;
  message: string;
  status: number;
  requestId: string;
  sender?: boolean;
}

/** The AWS error the responder threw (aws-errors.ts); network-level failures carry no HTTP status. */
function awsFailureOf(error: unknown): AwsFailure | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const record = error as { Code?: unknown; name?: unknown; message?: unknown; $fault?: unknown; $metadata?: { httpStatusCode?: unknown; requestId?: unknown } };
  const status = record.$metadata?.httpStatusCode;
  if (typeof status !== "number") return undefined;
  const code = typeof record.Code === "string" ? record.Code : String(record.name ?? "InternalFailure");
  return {
    code,
    message: typeof record.message === "string" ? record.message : code,
    status,
    requestId: String(record.$metadata?.requestId ?? ""),
    sender: record.$fault !== "server",
  };
}

function errorResponse(service: WireService, failure: AwsFailure): WireResponse {
  const { code, status, requestId } = failure;
  const message = escapeXml(failure.message);
  const headers = { "x-amzn-requestid": requestId };
  switch (service.protocol) {
    case "awsQuery":
      return {
        status,
        headers: { ...headers, "content-type": "text/xml" },
        body: `<ErrorResponse xmlns="${service.xmlns}"><Error><Type>${failure.sender === false ? "Receiver" : "Sender"}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case "ec2Query":
      return {
        status,
        headers: { ...headers, "content-type": "text/xml" },
        body: `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      };
    case "restXml":
      return {
        status,
        headers: { ...headers, "content-type": "application/xml" },
        body: `<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
    case "awsJson":
    case "restJson":
      return {
        status,
        headers: { ...headers, "x-amzn-errortype": code, "content-type": "application/json" },
        body: JSON.stringify({ __type: code, message: failure.message }),
      };
  }
}
