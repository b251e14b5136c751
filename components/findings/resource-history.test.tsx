import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { FindingRow } from "@/lib/db/findings";
import { PastFindings } from "./resource-history";

const closedInterval: FindingRow = {
  id: "1",
  awsAccountId: "123456789012",
  accountName: "Production",
  checkId: "users.console-mfa",
  exercise: 2,
  resourceId: "arn:aws:iam::123456789012:user/alice",
  resourceType: "user",
  resourceName: "alice",
  region: null,
  severity: "high",
  reason: "alice has a console password and no MFA",
  evidenceHash: "00",
  status: "fail",
  firstRunId: "3",
  closedRunId: "9",
  firstSeenAt: "2026-01-01T00:00:00.000Z",
  closedAt: "2026-02-01T00:00:00.000Z",
};

describe("a resource's past results", () => {
  it("do not claim nothing ever changed when older results may have been removed", () => {
    const html = renderToStaticMarkup(<PastFindings rows={[]} historyDays={400} />);
    expect(html).toContain("in the last 400 days (older results are not kept)");
  });

  it("say where the kept record stops", () => {
    const html = renderToStaticMarkup(<PastFindings rows={[closedInterval]} historyDays={400} />);
    expect(html).toContain("alice has a console password and no MFA");
    expect(html).toContain("Results that ended more than 400 days ago are not kept.");
  });
});
