import { describe, expect, it } from "vitest";
import { connectionHealth, type ConnectionHealthInput } from "./connection-health";

const base: ConnectionHealthInput = {
  roleArn: "arn:aws:iam::111111111111:role/iamfit-audit",
  lastStatus: "succeeded",
  lastCollectedAt: new Date("2026-11-20T00:00:00Z"),
  lastError: null,
  organizationState: "ACTIVE",
};

describe("connectionHealth", () => {
  it("is healthy after a complete collection, with nothing to fix", () => {
    expect(connectionHealth(base)).toEqual({ state: "healthy", label: "Healthy", fix: null });
  });

  it.each([
    ["with the region it was requested in", { region: "us-east-1" }],
    ["as a failed session stores it, without a region", {}],
  ])("says how to fix a denied AssumeRole (%s): trust policy, principal, ExternalId", (_name, where) => {
    const health = connectionHealth({ ...base, lastStatus: "failed", lastError: { api: "sts:AssumeRole", code: "AccessDenied", message: "not authorized", ...where } });
    expect(health.state).toBe("failing");
    expect(health.fix).toMatch(/may not assume arn:aws:iam::111111111111:role\/iamfit-audit.*trust policy.*ExternalId/);
  });

  it("names the missing action of a partly readable account", () => {
    const health = connectionHealth({ ...base, lastStatus: "partial", lastError: { api: "s3:ListBuckets", code: "AccessDenied", message: "denied" } });
    expect(health).toMatchObject({ state: "degraded", label: "Partly readable" });
    expect(health.fix).toMatch(/missing s3:ListAllMyBuckets.*SecurityAudit/);
  });

  it.each([
    ["TimedOut", /took longer than allowed/],
    ["WorkerLost", /worker collecting this account stopped/],
    ["SomethingNew", /Read the error above/],
  ])("explains a worker-side %s failure", (code, fix) => {
    expect(connectionHealth({ ...base, lastStatus: "failed", lastError: { code, message: "x" } }).fix).toMatch(fix);
  });

  it.each([
    ["SUSPENDED", "suspended", /suspended/],
    ["CLOSED", "closed", /closed in AWS Organizations/],
    ["PENDING_CLOSURE", "closed", /closed in AWS Organizations/],
    ["LEFT", "left_organization", /no longer in the organization/],
  ] as const)("puts the Organizations state %s before the last collection's outcome", (organizationState, state, fix) => {
    const health = connectionHealth({ ...base, lastStatus: "failed", organizationState });
    expect(health.state).toBe(state);
    expect(health.fix).toMatch(fix);
  });

  it("is pending before the first collection, and suggests testing now", () => {
    expect(connectionHealth({ ...base, lastStatus: "never", lastCollectedAt: null, organizationState: null })).toMatchObject({ state: "pending", label: "Not collected yet" });
  });
});

describe("health filters", () => {
  it("count what needs fixing, what cannot be read, what is new and what works", async () => {
    const { healthCounts, matchesHealthFilter } = await import("./connection-health");
    expect(healthCounts(["failing", "degraded", "suspended", "left_organization", "pending", "healthy", "healthy"])).toEqual({
      all: 7,
      failing: 2,
      unreachable: 2,
      pending: 1,
      healthy: 2,
    });
    expect(matchesHealthFilter("closed", "unreachable")).toBe(true);
    expect(matchesHealthFilter("closed", "failing")).toBe(false);
  });
});
