/**
 * Small builders of digest facts for tests: each states only what a test is about.
 */
import type { DigestAccountFacts, DigestChecklistEntry, DigestData, DigestFindingChange } from "../digest-data";
import { DigestLinks } from "../links";
import type { DigestContext } from "../content";

export const HOSTILE_NAME = "<img src=x onerror=alert(1)>";

export function accountFacts(fields: Partial<DigestAccountFacts> & { awsAccountId: string }): DigestAccountFacts {
  return {
    name: `account ${fields.awsAccountId}`,
    scoreNow: 80,
    scoreBefore: 80,
    assessedNow: true,
    assessedBefore: true,
    lastStatus: "succeeded",
    lastCollectedAt: "2026-03-30T06:00:00.000Z",
    lastError: null,
    ...fields,
  };
}

export function findingChange(fields: Partial<DigestFindingChange> = {}): DigestFindingChange {
  const resourceName = fields.resourceName ?? "alice";
  return {
    awsAccountId: "111111111111",
    accountName: "production",
    checkId: "users.console-mfa",
    exercise: 2,
    resourceId: `arn:aws:iam::111111111111:user/${resourceName}`,
    resourceName,
    severity: "high",
    reason: `${resourceName} has a console password and no MFA`,
    changedAt: "2026-03-29T06:00:00.000Z",
    ...fields,
  };
}

export function checklistEntry(fields: Partial<DigestChecklistEntry> = {}): DigestChecklistEntry {
  return {
    itemId: "42",
    awsAccountId: "111111111111",
    accountName: "production",
    checkId: "keys.rotated",
    exercise: 6,
    resourceName: "deploy-bot",
    severity: "medium",
    day: "2026-03-20",
    assignee: null,
    ...fields,
  };
}

export function digestData(fields: Partial<DigestData> = {}): DigestData {
  return {
    generatedAt: "2026-03-30T07:00:00.000Z",
    scope: { kind: "all" },
    window: { fromAt: "2026-03-23T06:00:00.000Z", toAt: "2026-03-30T06:00:00.000Z" },
    accounts: [],
    organization: null,
    newFailures: { items: [], total: 0 },
    fixed: { items: [], total: 0 },
    overdue: { items: [], total: 0 },
    expiringAcceptances: { items: [], total: 0 },
    ...fields,
  };
}

export const BASE_URL = "https://iamfit.example.com";

export function digestContext(fields: Partial<DigestContext> = {}): DigestContext {
  return {
    links: new DigestLinks(BASE_URL),
    subscriptionId: "6f1c2b1e-7d3a-4c55-9b8e-0a1b2c3d4e5f",
    unsubscribeToken: "signed-token",
    timeZone: "Europe/Berlin",
    ...fields,
  };
}
