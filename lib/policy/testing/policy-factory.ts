/**
 * Small builders for policy documents in tests: `policy(allow("s3:*"), deny("*", "*", { Condition }))`.
 */
import type { JsonValue } from "@/lib/checks/types";

export type StatementJson = { [key: string]: JsonValue };

type Extra = Partial<Record<"Sid" | "Condition" | "Principal" | "NotPrincipal", JsonValue>>;

export function allow(action: string | string[], resource: string | string[] = "*", extra: Extra = {}): StatementJson {
  return { Effect: "Allow", Action: action, Resource: resource, ...extra } as StatementJson;
}

export function deny(action: string | string[], resource: string | string[] = "*", extra: Extra = {}): StatementJson {
  return { Effect: "Deny", Action: action, Resource: resource, ...extra } as StatementJson;
}

export function allowNotAction(notAction: string | string[], resource: string | string[] = "*", extra: Extra = {}): StatementJson {
  return { Effect: "Allow", NotAction: notAction, Resource: resource, ...extra } as StatementJson;
}

export function allowNotResource(action: string | string[], notResource: string | string[], extra: Extra = {}): StatementJson {
  return { Effect: "Allow", Action: action, NotResource: notResource, ...extra } as StatementJson;
}

/** A resource-based statement (trust or bucket policy): Principal, no Resource for trust policies. */
export function allowPrincipal(principal: JsonValue, action: string | string[], extra: Omit<Extra, "Principal"> & { Resource?: JsonValue } = {}): StatementJson {
  return { Effect: "Allow", Principal: principal, Action: action, ...extra } as StatementJson;
}

export function policy(...statements: StatementJson[]): { Version: string; Statement: StatementJson[] } {
  return { Version: "2012-10-17", Statement: statements };
}

/** `Statement` as a single object rather than an array, as IAM also accepts. */
export function singleStatementPolicy(statement: StatementJson): { Version: string; Statement: StatementJson } {
  return { Version: "2012-10-17", Statement: statement };
}

export const MFA_ABSENT_IF_EXISTS = { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } };
export const MFA_PRESENT = { Bool: { "aws:MultiFactorAuthPresent": "true" } };
