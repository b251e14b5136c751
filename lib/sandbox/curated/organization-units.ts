/**
 * Where the sandbox organization's accounts sit: a common multi-account layout (AWS whitepaper
 * "Organizing Your AWS Environment Using Multiple Accounts": Security, Infrastructure,
 * Workloads split by environment, Sandbox, and a Suspended OU for accounts on their way out),
 * plus two members that exist only in Organizations: one suspended, one closed. iamfit cannot
 * assume a role in either, so they have no audit role and are never built.
 */
import type { AccountEnv, OrganizationAccountState } from "@/lib/sandbox/model";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";

export type OuKey = "security" | "infrastructure" | "workloads" | "workloads-prod" | "workloads-nonprod" | "sandbox" | "suspended";

export interface OrganizationalUnitDefinition {
  /** Stable key; the OU id is derived from it and the seed. */
  key: OuKey;
  name: string;
  /** The parent OU; absent: directly under the root. */
  parent?: OuKey;
}

/** Parents before children, so a listing can be built in one pass. */
export const ORGANIZATIONAL_UNITS: readonly OrganizationalUnitDefinition[] = [
  { key: "security", name: "Security" },
  { key: "infrastructure", name: "Infrastructure" },
  { key: "workloads", name: "Workloads" },
  { key: "workloads-prod", name: "Prod", parent: "workloads" },
  { key: "workloads-nonprod", name: "NonProd", parent: "workloads" },
  { key: "sandbox", name: "Sandbox" },
  { key: "suspended", name: "Suspended" },
];

/** "root" or an OU key. */
export type Placement = "root" | OuKey;

/** Accounts placed by role rather than by environment; the management account stays at the root, as AWS advises. */
export const CURATED_PLACEMENTS: Readonly<Record<string, Placement>> = {
  [CURATED_ACCOUNT_IDS.orgManagement]: "root",
  [CURATED_ACCOUNT_IDS.securityTooling]: "security",
  [CURATED_ACCOUNT_IDS.edgeNetwork]: "infrastructure",
  [CURATED_ACCOUNT_IDS.dataLake]: "infrastructure",
};

/** Every other account (curated or generated) by its env tag. */
export function placementForEnv(env: AccountEnv | string | undefined): Placement {
  switch (env) {
    case "prod":
      return "workloads-prod";
    case "staging":
    case "dev":
      return "workloads-nonprod";
    case "sandbox":
      return "sandbox";
    default:
      return "root";
  }
}

export interface OrganizationOnlyMemberDefinition {
  accountId: string;
  name: string;
  state: Exclude<OrganizationAccountState, "ACTIVE">;
  placement: Placement;
  joinedDaysAgo: number;
}

/** Ids below the generated range (200000000000) and distinct from the curated ones. */
export const SUSPENDED_MEMBER_ID = "157204938261";
export const CLOSED_MEMBER_ID = "172938465013";

export const ORGANIZATION_ONLY_MEMBERS: readonly OrganizationOnlyMemberDefinition[] = [
  { accountId: SUSPENDED_MEMBER_ID, name: "retired-analytics", state: "SUSPENDED", placement: "suspended", joinedDaysAgo: 1800 },
  { accountId: CLOSED_MEMBER_ID, name: "closed-marketing-2019", state: "CLOSED", placement: "suspended", joinedDaysAgo: 2400 },
];
