import { describe, expect, it } from "vitest";
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import { buildManifest, CREDENTIAL_REPORT_PART, hashBlob, snapshotFromManifest } from "./manifest";

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

  describe("the credential report, which AWS generates anew every four hours", () => {
    const rows = [{ user: "alice", arn: "arn:aws:iam::111122223333:user/alice", access_key_1_last_rotated: "2026-01-01T00:00:00+00:00" }];
    const report = (generatedAt: string) => ({ generatedAt, rows });
    const reportSnapshot = (generatedAt: string) => snapshot({ [CREDENTIAL_REPORT_PART]: { status: "ok", data: report(generatedAt) } });

    it("keeps its generation time out of the blob, so a report with the same rows keeps its blob and the manifest its hash", () => {
      const first = buildManifest(reportSnapshot("2026-11-23T04:00:00Z"), undefined);
      const second = buildManifest(reportSnapshot("2026-11-23T10:00:00Z"), { manifest: first.manifest, collectedAt: "2026-11-23T04:00:00.000Z" });
      expect(hashBlob(second.manifest).hash).toBe(hashBlob(first.manifest).hash);
      expect(second.blobs.map((blob) => blob.hash)).toEqual(first.blobs.map((blob) => blob.hash));
      expect(second.blobs[0]!.value).toEqual({ rows });
      expect([first.reportGeneratedAt, second.reportGeneratedAt]).toEqual(["2026-11-23T04:00:00Z", "2026-11-23T10:00:00Z"]);
    });

    it("gets it back when the snapshot is rebuilt, and keeps a report stored with it as it is", () => {
      const built = buildManifest(reportSnapshot("2026-11-23T10:00:00Z"), undefined);
      const blobs = new Map(built.blobs.map((blob) => [blob.hash, blob.value]));
      const rebuilt = snapshotFromManifest(built.manifest, "2026-11-23T10:05:00.000Z", (hash) => blobs.get(hash), built.reportGeneratedAt);
      expect(rebuilt.parts[CREDENTIAL_REPORT_PART]).toEqual({ status: "ok", data: report("2026-11-23T10:00:00Z") });
      const older = snapshotFromManifest(built.manifest, "2026-11-23T10:05:00.000Z", () => report("2026-11-20T00:00:00Z"), "2026-11-23T10:00:00Z");
      expect(older.parts[CREDENTIAL_REPORT_PART]).toEqual({ status: "ok", data: report("2026-11-20T00:00:00Z") });
    });

    it("keeps the generation time of a stale copy in the manifest, unchanged while the report keeps failing", () => {
      const good = buildManifest(reportSnapshot("2026-11-22T04:00:00Z"), undefined);
      const failing = snapshot({ [CREDENTIAL_REPORT_PART]: { status: "error", error: { api: "iam:GetCredentialReport", code: "AccessDenied", message: "denied" } } });
      const failed = buildManifest(failing, { manifest: good.manifest, collectedAt: "2026-11-22T04:05:00.000Z", reportGeneratedAt: good.reportGeneratedAt! });
      expect(failed.manifest.parts[CREDENTIAL_REPORT_PART]).toMatchObject({ staleCollectedAt: "2026-11-22T04:05:00.000Z", staleReportGeneratedAt: "2026-11-22T04:00:00Z" });
      const again = buildManifest(failing, { manifest: failed.manifest, collectedAt: "2026-11-22T10:05:00.000Z" });
      expect(again.manifest).toEqual(failed.manifest);
      const blobs = new Map(good.blobs.map((blob) => [blob.hash, blob.value]));
      const rebuilt = snapshotFromManifest(again.manifest, "2026-11-22T10:05:00.000Z", (hash) => blobs.get(hash));
      expect(rebuilt.parts[CREDENTIAL_REPORT_PART]).toMatchObject({ stale: { data: report("2026-11-22T04:00:00Z"), collectedAt: "2026-11-22T04:05:00.000Z" } });
    });
  });
});
