/**
 * Test-only: answers each request with a raw HTTP response (status, headers, body) in place of
 * the network. Everything before (serialization, endpoints, signing,
 * retries) and after (the SDK's own XML and JSON deserializers, paginators) runs as against AWS.
 */
import { HttpResponse, type HttpRequest } from "@smithy/core/transport";
import type { DeserializeHandlerArguments, HandlerExecutionContext, Pluggable } from "@smithy/types";
import { Readable } from "node:stream";
import type { RawAnswer } from "./raw-response-handler";

export interface SampleRequest {
  /** "IAMClient", "EC2Client"… */
  clientName: string;
  /** "GetAccountSummary" */
  operation: string;
  /** From the signed request's credential scope. */
  region: string;
  request: HttpRequest;
}

export function sampleResponsePlugin(answer: (request: SampleRequest) => RawAnswer): Pluggable<any, any> {
  return {
    applyToStack(stack) {
      stack.addRelativeTo(
        (_next: unknown, context: HandlerExecutionContext) => async (args: DeserializeHandlerArguments<object>) => {
          const request = args.request as HttpRequest;
          const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.authorization ?? "");
          const raw = answer({
            clientName: context.clientName ?? "",
            operation: (context.commandName ?? "").replace(/Command$/, ""),
            region: scope?.[1] ?? "",
            request,
          });
          const response = new HttpResponse({
            statusCode: raw.status ?? 200,
            headers: { "x-amzn-requestid": "sample-request", ...raw.headers },
            body: Readable.from([Buffer.from(raw.body, "utf8")]),
          });
          return { response, output: undefined as never };
        },
        // Inside the SDK's deserializer (which wraps everything after it): the raw response goes
        // through it as a real one would.
        { relation: "after", toMiddleware: "deserializerMiddleware", name: "awsSampleResponse", override: true },
      );
    },
  };
}
