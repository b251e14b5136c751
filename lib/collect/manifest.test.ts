import { describe, expect, it } from "vitest";
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import { buildManifest, hashBlob, snapshotFromManifest } from "./manifest";

function snapshot(parts: AccountSnapshot["parts"]): AccountSnapshot {
  return { accountId: "111122223333", collectedAt: "2026-11-23T10:00:00.000Z", regions: ["us-east-1"], parts };
}

describe("hashBlob", () => {
  it("hashes equal content equally whatever the key order", () => {
    expect(hashBlob({ a: 1, b: [1, 2] }).hash).toBe(hashBlob({ b: [1, 2], a: 1 }).hash);
    expect(hashBlob({ a: 1 }).hash).not.toBe(hashBlob({ a: 2 }).hash);
  });
});

describe("buildManifest", () => {
  const summary = { AccountMFAEnabled: 1 };
  const denied = { api: "iam:GetAccountSummary", code: "AccessDenied", message: "denied" };

  it("gives an unchanged snapshot the same manifest hash", () => {
    const first = buildManifest(snapshot({ "iam.accountSummary": { status: "ok", data: summary } }), undefined);
    const second = buildManifest(snapshot({ "iam.accountSummary": { status: "ok", data: { ...summary } } }), {
      manifest: first.manifest,
      collectedAt: "2026-11-23T04:00:00.000Z",
    });
    expect(hashBlob(second.manifest).hash).toBe(hashBlob(first.manifest).hash);
  });

  it("stores the entries left out of an ok part with it, and gives them back with the snapshot", () => {
    const leftOut = { api: "ec2:DescribeInstances", code: "IncompleteEntry", message: "an instance without instanceId was left out", region: "eu-west-1" };
    const { manifest } = buildManifest(snapshot({ "ec2.instances@eu-west-1": { status: "ok", data: [], entryErrors: [leftOut] } }), undefined);
    expect(manifest.parts["ec2.instances@eu-west-1"]).toMatchObject({ status: "ok", entryErrors: [leftOut] });
    const restored = snapshotFromManifest(manifest, "2026-11-23T10:00:00.000Z", () => []);
    expect(restored.parts["ec2.instances@eu-west-1"]).toEqual({ status: "ok", data: [], entryErrors: [leftOut] });
    // A complete part's manifest entry stays as it always was, so unchanged accounts keep their manifest hash.
    expect(buildManifest(snapshot({ "iam.accountSummary": { status: "ok", data: summary } }), undefined).manifest.parts["iam.accountSummary"]).toEqual({
      status: "ok",
      blob: hashBlob(summary).hash,
    });
  });

  it("keeps the last good blob of a part that now fails, with when it was collected", () => {
    const good = buildManifest(snapshot({ "iam.accountSummary": { status: "ok", data: summary } }), undefined);
    const failed = buildManifest(snapshot({ "iam.accountSummary": { status: "error", error: denied } }), {
      manifest: good.manifest,
      collectedAt: "2026-11-22T10:00:00.000Z",
    });
    const part = failed.manifest.parts["iam.accountSummary"];
    expect(part).toEqual({
      status: "error",
      error: denied,
      staleBlob: hashBlob(summary).hash,
      staleCollectedAt: "2026-11-22T10:00:00.000Z",
    });
    // Failing again keeps pointing at the same good data and date, so the manifest stays identical.
    const again = buildManifest(snapshot({ "iam.accountSummary": { status: "error", error: denied } }), {
      manifest: failed.manifest,
      collectedAt: "2026-11-23T10:00:00.000Z",
    });
    expect(again.manifest).toEqual(failed.manifest);
  });

  it("round-trips into a snapshot whose failed part carries the stale data", () => {
    const good = buildManifest(snapshot({ "iam.accountSummary": { status: "ok", data: summary } }), undefined);
    const failed = buildManifest(snapshot({ "iam.accountSummary": { status: "error", error: denied } }), {
      manifest: good.manifest,
      collectedAt: "2026-11-22T10:00:00.000Z",
    });
    const blobs = new Map(good.blobs.map((blob) => [blob.hash, blob.value]));
    const rebuilt = snapshotFromManifest(failed.manifest, "2026-11-23T10:00:00.000Z", (hash) => blobs.get(hash));
    expect(rebuilt.parts["iam.accountSummary"]).toEqual({
      status: "error",
      error: denied,
      stale: { data: summary, collectedAt: "2026-11-22T10:00:00.000Z" },
    });
  });
});
