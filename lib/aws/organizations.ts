/**
 * Organization discovery: every account of an AWS Organization with its OU path and state.
 * Reads the tree top-down (ListRoots, then ListOrganizationalUnitsForParent and
 * ListAccountsForParent per root and OU), which costs about (OUs + accounts / 20) calls instead
 * of one ListParents per account. These operations answer only in the management account or a
 * delegated administrator (Organizations API reference, ListAccounts), so discovery runs with
 * iamfit's base credentials there, or through a role in such an account.
 */
import {
  DescribeOrganizationCommand,
  ListRootsCommand,
  OrganizationsClient,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  type Account,
} from "@aws-sdk/client-organizations";
import { STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentityProvider, Pluggable } from "@smithy/types";
import type { CollectorError } from "@/lib/snapshot/schema";
import { assumeRoleSession } from "./assume-role-session";
import type { AwsConnectionOptions } from "./client-factory";
import { awsErrorCode, isAccessDenied, isThrottling, toCollectorError } from "./errors";
import { DEFAULT_MAX_ATTEMPTS } from "./limits";
import { homeRegionOfArn } from "./regions";
import { Semaphore } from "./semaphore";

/** What the discovering principal needs; SecurityAudit includes all of them (organizations:Describe*, List*). */
export const ORGANIZATION_DISCOVERY_ACTIONS = [
  "organizations:DescribeOrganization",
  "organizations:ListAccountsForParent",
  "organizations:ListOrganizationalUnitsForParent",
  "organizations:ListRoots",
] as const;

/**
 * Organizations has one global endpoint per partition (organizations.us-east-1.amazonaws.com,
 * organizations.cn-northwest-1.amazonaws.com.cn, organizations.us-gov-west-1.amazonaws.com); the
 * SDK picks it from any region of the partition. The discovery role's ARN says which partition;
 * iamfit's base credentials are taken to be in the aws partition.
 * https://docs.aws.amazon.com/general/latest/gr/ao.html
 */
export function organizationsRegion(via?: DiscoveryRole): string {
  return homeRegionOfArn(via?.roleArn);
}
/** Organizations throttles per account at a low rate; a few calls in flight are plenty. */
const DISCOVERY_CONCURRENCY = 4;

export type OrganizationAccountState = "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "PENDING_ACTIVATION" | "CLOSED";

export interface DiscoveredOrganizationalUnit {
  id: string;
  name: string;
  parentId: string;
  /** Names from the root down, e.g. "Root/Workloads/Prod". */
  path: string;
}

export interface DiscoveredAccount {
  accountId: string;
  name: string;
  email: string;
  /** The account ARN; its partition is the one to build role ARNs in. */
  arn: string;
  state: OrganizationAccountState;
  joinedAt: string | null;
  /** The root's or the OU's id. */
  parentId: string;
  /** "Root" for accounts directly under the root, else "Root/Workloads/Prod". */
  ouPath: string;
  /** Root id and OU ids from the root down to the parent: what OU filters by id match. */
  ouIds: string[];
}

export interface OrganizationDiscovery {
  organizationId: string;
  managementAccountId: string;
  rootId: string;
  units: DiscoveredOrganizationalUnit[];
  /** Sorted by account id. */
  accounts: DiscoveredAccount[];
}

/** A discovery that failed, with the call, the AWS error code and what to do in plain words. */
export class OrganizationDiscoveryError extends Error {
  constructor(readonly error: CollectorError) {
    super(error.message);
    this.name = "OrganizationDiscoveryError";
  }
}

export interface DiscoveryRole {
  roleArn: string;
  externalId: string;
}

export interface OrganizationsConnection {
  client: OrganizationsClient;
  destroy(): void;
}

/**
 * An Organizations client with iamfit's base credentials (options.credentials and plugins, as
 * lib/aws/client-factory builds every client), or with a session of `via`: a role in the
 * management account or a delegated administrator, assumed with its ExternalId.
 */
export function connectOrganizations(options: AwsConnectionOptions, via?: DiscoveryRole): OrganizationsConnection {
  const common = {
    region: organizationsRegion(via),
    ...(options.retryStrategy
      ? { retryStrategy: options.retryStrategy }
      : { maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, retryMode: options.retryMode ?? "adaptive" }),
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  };
  const withPlugins = <C extends { middlewareStack: { use(plugin: Pluggable<any, any>): void } }>(client: C): C => {
    for (const plugin of options.plugins ?? []) client.middlewareStack.use(plugin);
    return client;
  };
  let sts: STSClient | undefined;
  let credentials: AwsCredentialIdentityProvider = options.credentials;
  if (via) {
    const stsClient = withPlugins(new STSClient({ ...common, credentials: options.credentials }));
    sts = stsClient;
    credentials = assumeRoleSession(() => stsClient, { ...via, sessionName: "iamfit-organization-discovery" });
  }
  const client = withPlugins(new OrganizationsClient({ ...common, credentials }));
  return {
    client,
    destroy() {
      client.destroy();
      sts?.destroy();
    },
  };
}

function accountState(account: Account): OrganizationAccountState {
  // State replaces Status (retired September 2026); older responses carry only Status.
  const state = account.State ?? account.Status ?? "ACTIVE";
  return state as OrganizationAccountState;
}

async function call<T>(api: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw new OrganizationDiscoveryError(discoveryError(error, api));
  }
}

/** Reads the whole organization. Throws OrganizationDiscoveryError naming the call that failed. */
export async function discoverOrganization(client: OrganizationsClient, options: { signal?: AbortSignal } = {}): Promise<OrganizationDiscovery> {
  const send = { abortSignal: options.signal };
  const { Organization } = await call("organizations:DescribeOrganization", () => client.send(new DescribeOrganizationCommand({}), send));
  const { Roots } = await call("organizations:ListRoots", () => client.send(new ListRootsCommand({}), send));
  const root = Roots?.[0];
  if (!Organization?.Id || !root?.Id) {
    throw new OrganizationDiscoveryError({ api: "organizations:ListRoots", code: "InvalidResponse", message: "AWS Organizations answered without an organization or root." });
  }
  const limiter = new Semaphore(DISCOVERY_CONCURRENCY);
  const units: DiscoveredOrganizationalUnit[] = [];
  const accounts: DiscoveredAccount[] = [];

  const visit = async (parentId: string, path: string, ouIds: string[]): Promise<void> => {
    const [children, members] = await Promise.all([
      limiter.run(() =>
        call("organizations:ListOrganizationalUnitsForParent", async () => {
          const found = [];
          for await (const page of paginateListOrganizationalUnitsForParent({ client }, { ParentId: parentId })) {
            found.push(...(page.OrganizationalUnits ?? []));
          }
          return found;
        }),
      ),
      limiter.run(() =>
        call("organizations:ListAccountsForParent", async () => {
          const found: Account[] = [];
          for await (const page of paginateListAccountsForParent({ client }, { ParentId: parentId })) found.push(...(page.Accounts ?? []));
          return found;
        }),
      ),
    ]);
    for (const account of members) {
      if (!account.Id) continue;
      accounts.push({
        accountId: account.Id,
        name: account.Name ?? account.Id,
        email: account.Email ?? "",
        arn: account.Arn ?? "",
        state: accountState(account),
        joinedAt: account.JoinedTimestamp ? new Date(account.JoinedTimestamp).toISOString() : null,
        parentId,
        ouPath: path,
        ouIds,
      });
    }
    const nested = children.filter((unit): unit is typeof unit & { Id: string } => typeof unit.Id === "string");
    for (const unit of nested) units.push({ id: unit.Id, name: unit.Name ?? unit.Id, parentId, path: `${path}/${unit.Name ?? unit.Id}` });
    await Promise.all(nested.map((unit) => visit(unit.Id, `${path}/${unit.Name ?? unit.Id}`, [...ouIds, unit.Id])));
  };
  await visit(root.Id, "Root", [root.Id]);

  return {
    organizationId: Organization.Id,
    managementAccountId: Organization.MasterAccountId ?? "",
    rootId: root.Id,
    units: units.sort((a, b) => a.path.localeCompare(b.path)),
    accounts: accounts.sort((a, b) => a.accountId.localeCompare(b.accountId)),
  };
}

/** Organizations errors say what the discovering principal must change, not the audit role. */
export function discoveryError(error: unknown, api: string): CollectorError {
  const base = toCollectorError(error, api);
  const code = awsErrorCode(error);
  const said = base.message.includes(' AWS said: "') ? base.message.slice(base.message.indexOf(' AWS said: "')) : "";
  const explain = (text: string) => ({ ...base, message: `${text}${said}` });
  if (isAccessDenied(code) || code === "AccountNotManagementOrDelegatedAdministratorException") {
    return explain(
      `iamfit may not read the organization (${api}). Run discovery from the management account or a delegated ` +
        "administrator, or name a role there to assume, and allow organizations:DescribeOrganization, ListRoots, " +
        "ListOrganizationalUnitsForParent and ListAccountsForParent (SecurityAudit includes them).",
    );
  }
  if (code === "AWSOrganizationsNotInUseException") {
    return explain("The account iamfit reads from is not a member of an organization: link its accounts one by one instead.");
  }
  if (isThrottling(code)) {
    return explain(`AWS Organizations throttled ${api} and the retries ran out; the next sync tries again.`);
  }
  return base;
}
