/**
 * Test-only: an SDK requestHandler that answers every request with a raw HTTP response (status,
 * headers, body bytes), so the SDK's own deserializers parse it exactly as they parse AWS's.
 */
import { HttpResponse, type HttpRequest } from "@smithy/core/transport";
import { Readable } from "node:stream";

export interface RawAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

export interface RawResponseHandler {
  handle(request: HttpRequest): Promise<{ response: HttpResponse }>;
  /** Each request as sent: method, path with query, and body. */
  requests: Array<{ method: string; path: string; query: Record<string, unknown>; body: string }>;
  updateHttpClientConfig(): void;
  httpHandlerConfigs(): Record<string, never>;
  destroy(): void;
}

export function rawResponseHandler(answer: RawAnswer | ((request: HttpRequest) => RawAnswer)): RawResponseHandler {
  const requests: RawResponseHandler["requests"] = [];
  return {
    requests,
    async handle(request) {
      requests.push({ method: request.method, path: request.path, query: { ...request.query }, body: typeof request.body === "string" ? request.body : "" });
      const raw = typeof answer === "function" ? answer(request) : answer;
      const response = new HttpResponse({
        statusCode: raw.status ?? 200,
        headers: { "x-amzn-requestid": "sample-request", ...raw.headers },
        body: Readable.from([Buffer.from(raw.body, "utf8")]),
      });
      return { response };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
}
