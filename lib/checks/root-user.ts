/**
 * Reading the root user for the root checks of exercises 1 and 2: its credential-report row (or
 * why it is missing), one finding about the account's root, and what centralized root access
 * (central-root-access.ts) changes about a root without credentials.
 */
import type { AccountSnapshot, CredentialReportRow } from "@/lib/snapshot/schema";
import { rootRow } from "./credential-report";
import { centralRootAccess, rootHasNoCredentials, type CentralRootAccessEvidence } from "./central-root-access";
import { accountRootArn, makeFinding, type CheckMeta } from "./findings";
import { globalPart, type UnavailablePart } from "./part-access";
import type { Finding, JsonValue } from "./types";

export function rootRowMissing(): UnavailablePart {
  return {
    part: "iam.credentialReport",
    reason: "the credential report has no <root_account> row",
    evidence: { part: "iam.credentialReport", status: "root_row_missing" },
  };
}

/** The root row, or what made it unavailable. */
export function readRootRow(snapshot: AccountSnapshot): { row: CredentialReportRow } | { unavailable: UnavailablePart } {
  const report = globalPart(snapshot, "iam.credentialReport");
  if (!report.available) return { unavailable: report.unavailable };
  const row = rootRow(report.data);
  return row ? { row } : { unavailable: rootRowMissing() };
}

interface RootFields<E extends JsonValue> {
  status: Finding["status"];
  evidence: E;
  reason: string;
}

export function rootFinding<E extends JsonValue>(check: CheckMeta, snapshot: AccountSnapshot, fields: RootFields<E>): Finding<E> {
  return makeFinding(check, {
    resourceId: accountRootArn(snapshot.accountId),
    resourceType: "root",
    resourceName: "root",
    ...fields,
  });
}

type WithCentralRootAccess<E> = E & { centralRootAccess?: CentralRootAccessEvidence };

/**
 * A passing root finding of a member account whose root credentials are managed centrally says
 * so, with the organization's answer in the evidence.
 */
export function withCentralManagement<E extends { [key: string]: JsonValue }>(snapshot: AccountSnapshot, row: CredentialReportRow, fields: RootFields<E>): RootFields<WithCentralRootAccess<E>> {
  if (fields.status !== "pass" || !rootHasNoCredentials(snapshot, row)) return fields;
  const central = centralRootAccess(snapshot);
  if (central.state !== "managed") return fields;
  return {
    status: fields.status,
    evidence: { ...fields.evidence, centralRootAccess: central.evidence },
    reason: `${fields.reason.replace(/\.$/, "")}; ${central.reason}.`,
  };
}

/**
 * A root user without any credentials passes only where the organization manages root
 * credentials centrally; elsewhere password recovery can give it a password again.
 */
export function credentialLessRootFinding<E extends { [key: string]: JsonValue }>(
  check: CheckMeta,
  snapshot: AccountSnapshot,
  rowFacts: E,
): Finding<E & { centralRootAccess: CentralRootAccessEvidence }> {
  const central = centralRootAccess(snapshot);
  const evidence = { ...rowFacts, centralRootAccess: central.evidence };
  const none = "The root user has no password, access keys or MFA";
  switch (central.state) {
    case "managed":
      return rootFinding(check, snapshot, {
        status: "pass",
        evidence,
        reason: `${none}, and ${central.reason}: there is no root sign-in and no password recovery to protect.`,
      });
    case "not_managed":
      return {
        ...rootFinding(check, snapshot, {
          status: "fail",
          evidence,
          reason: `${none}, but ${central.reason}: whoever controls the account's email address can set a root password through password recovery, and no second factor would be asked.`,
        }),
        severity: "high",
      };
    case "unknown":
      return rootFinding(check, snapshot, {
        status: "unknown",
        evidence,
        reason: `${none}; whether root credentials are managed centrally is unknown (${central.reason}), so a removed root cannot be told from one password recovery can revive.`,
      });
  }
}
