import { describe, expect, it } from "vitest";
import type { ApiFinding } from "@/lib/api/finding-json";
import { parseFindingsSearchParams } from "@/lib/scorecard/search-params";
import { downloadResponse } from "./download";
import { findingsExportChunks } from "./findings-download";

/** A source that counts what it was asked for, and whether it was closed. */
function countingSource<T>(total: number, item: (index: number) => T) {
  const state = { produced: 0, closed: false };
  async function* source(): AsyncGenerator<T> {
    try {
      for (let index = 0; index < total; index++) {
        state.produced++;
        yield item(index);
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, source: source() };
}

async function readChunks(body: ReadableStream<Uint8Array>, count: number) {
  const reader = body.getReader();
  const texts: string[] = [];
  for (let read = 0; read < count; read++) {
    const next = await reader.read();
    if (next.done) break;
    texts.push(new TextDecoder("utf-8", { ignoreBOM: true }).decode(next.value)); // keeps the BOM
  }
  return { reader, texts };
}

const finding = (index: number): ApiFinding => ({
  accountId: "111111111111",
  accountName: "prod",
  exercise: 2,
  checkId: "users.console-mfa",
  checkTitle: "Console users have MFA",
  resource: `arn:aws:iam::111111111111:user/user-${index}`,
  resourceType: "user",
  resourceName: `user-${index}`,
  region: null,
  status: "fail",
  severity: "high",
  reason: "no MFA",
  evidence: null,
  firstSeenAt: "2026-11-20T10:00:00.000Z",
  firstRunId: "7",
});

describe("streamed downloads", () => {
  it("read their source only as the reader asks, at most one chunk ahead, and close it when the reader cancels", async () => {
    const { state, source } = countingSource(1_000, (index) => `line ${index}\n`);
    const response = downloadResponse(source, "csv", "test");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.produced).toBeLessThanOrEqual(1);

    const { reader, texts } = await readChunks(response.body!, 3);
    expect(texts).toEqual(["\uFEFFline 0\n", "line 1\n", "line 2\n"]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.produced).toBeLessThanOrEqual(4);

    await reader.cancel();
    expect(state.closed).toBe(true);
    expect(state.produced).toBeLessThanOrEqual(4);
  });

  it.each(["csv", "json"] as const)("of a findings view (%s) read one batch of findings per chunk the reader takes", async (format) => {
    const { state, source } = countingSource(1_000, (batch) => [finding(batch * 2), finding(batch * 2 + 1)]);
    const chunks = findingsExportChunks(parseFindingsSearchParams({ status: "all" }), format, new Date("2026-12-07T00:00:00Z"), source);
    const { reader, texts } = await readChunks(downloadResponse(chunks, format, "test").body!, 3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The header (or the JSON's opening), then two batches; the stream may have asked for one more.
    expect(texts[1]).toContain("user-0");
    expect(texts[2]).toContain("user-3");
    expect(state.produced).toBeLessThanOrEqual(3);

    await reader.cancel();
    expect(state.closed).toBe(true);
  });
});
