/**
 * Which service control policies apply to one account: the chain from the account up to the
 * root (ListParents), the SCPs attached at each level (ListPoliciesForTarget with Filter
 * SERVICE_CONTROL_POLICY) and their documents (DescribePolicy). These answer only in the
 * management account or a delegated administrator for AWS Organizations policies, so the reader
 * runs with the principal that reads the organization (lib/aws/organizations.ts,
 * connectOrganizations), never with the member account's audit role.
 *
 * One reader serves every account of a worker: levels above the account (the root and the OUs,
 * their parents and names) and the policy documents are shared by many accounts, so they are
 * remembered for a few minutes. Per account that leaves about two calls (ListParents and
 * ListPoliciesForTarget of the account itself) once the tree is known.
 */
import {
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListParentsCommand,
  paginateListPoliciesForTarget,
  type OrganizationsClient,
  type PolicySummary,
} from "@aws-sdk/client-organizations";
import {
  serviceControlPoliciesSchema,
  type ServiceControlPolicies,
  type ServiceControlPolicyTargetLevel,
} from "@/lib/snapshot/schema";
import type { OrganizationReaderOperation } from "../api-calls";
import { awsErrorCode, hasErrorCode, isAccessDenied } from "../errors";
import { awsCall, validatePart } from "./aws-call";

/** Organizations allows five levels of OUs under the root; more means a loop in the answers. */
const MAX_DEPTH = 8;
const DEFAULT_CACHE_MS = 5 * 60_000;
const SCP_FILTER = "SERVICE_CONTROL_POLICY";

export interface ServiceControlPolicyReader {
  /** The snapshot part for one account; throws a CollectorFailure for a failure worth retrying. */
  read(accountId: string, signal?: AbortSignal): Promise<ServiceControlPolicies>;
  /** The organization's management account, as DescribeOrganization names it; undefined when it cannot be read. */
  managementAccountId?(): Promise<string | undefined>;
}

export interface ServiceControlPolicyReaderOptions {
  /** How long the tree above accounts and the policy documents are reused (default 5 min). */
  cacheMs?: number;
  now?: () => number;
}

type TargetType = ServiceControlPolicyTargetLevel["targetType"];

/** Denials that mean "this principal cannot read the organization's policies", in a person's words. */
function notReadable(error: unknown, api: OrganizationReaderOperation, accountId: string): ServiceControlPolicies | undefined {
  const code = awsErrorCode(error);
  if (hasErrorCode(error, "AccountNotManagementOrDelegatedAdministrator")) {
    return {
      answer: "not_readable",
      code,
      reason:
        "iamfit reads the organization from an account that is neither its management account nor a delegated " +
        "administrator, so it cannot see which service control policies apply.",
    };
  }
  if (isAccessDenied(code)) {
    return {
      answer: "not_readable",
      code,
      reason:
        `iamfit may not read the organization's service control policies (${api}). Read the organization from the ` +
        "management account or a delegated administrator and allow organizations:ListParents, ListPoliciesForTarget, " +
        "DescribePolicy and DescribeOrganizationalUnit (SecurityAudit includes them).",
    };
  }
  if (hasErrorCode(error, "AWSOrganizationsNotInUse")) {
    return {
      answer: "not_readable",
      code,
      reason: "The account iamfit reads the organization from is not in an organization, so no service control policies could be read.",
    };
  }
  if (hasErrorCode(error, "ChildNotFound")) {
    return {
      answer: "not_readable",
      code,
      reason: `Account ${accountId} is not in the organization iamfit reads, so the service control policies that apply to it are unknown.`,
    };
  }
  return undefined;
}

class NotReadable extends Error {
  constructor(readonly answer: ServiceControlPolicies) {
    super(answer.answer);
  }
}

function parseContent(content: string | undefined): unknown {
  // Content is "Required: No": without it the policy cannot be read, which the evaluator reports.
  if (content === undefined) return { $malformed: true, raw: "", error: "AWS Organizations answered without the policy's content" };
  const raw = content;
  try {
    return JSON.parse(raw);
  } catch (error) {
    return { $malformed: true, raw, error: error instanceof Error ? error.message : String(error) };
  }
}

export function serviceControlPolicyReader(client: OrganizationsClient, options: ServiceControlPolicyReaderOptions = {}): ServiceControlPolicyReader {
  const cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();

  /**
   * Shares one answer (or one call in flight) for a while; a failure is never remembered. Shared
   * answers are requested without the asking account's abort signal, so cancelling one account
   * never fails another that waits for the same answer.
   */
  function remembered<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && now() - hit.at < cacheMs) return hit.value as Promise<T>;
    const value = load();
    cache.set(key, { at: now(), value });
    value.catch(() => cache.delete(key));
    return value;
  }

  async function call<T>(api: OrganizationReaderOperation, accountId: string, request: () => Promise<T>): Promise<T> {
    try {
      return await awsCall(api, undefined, request);
    } catch (error) {
      const answer = notReadable(error instanceof Error && error.cause ? error.cause : error, api, accountId);
      if (answer) throw new NotReadable(answer);
      throw error;
    }
  }

  async function parentOf(childId: string, accountId: string, signal?: AbortSignal): Promise<{ id: string; type: TargetType }> {
    const { Parents } = await call("organizations:ListParents", accountId, () => client.send(new ListParentsCommand({ ChildId: childId }), { abortSignal: signal }));
    const parent = Parents?.[0];
    if (!parent?.Id) throw new NotReadable({ answer: "not_readable", code: "InvalidResponse", reason: `AWS Organizations named no parent for ${childId}.` });
    return { id: parent.Id, type: parent.Type === "ROOT" ? "ROOT" : "ORGANIZATIONAL_UNIT" };
  }

  async function policiesOf(targetId: string, accountId: string): Promise<PolicySummary[]> {
    return call("organizations:ListPoliciesForTarget", accountId, async () => {
      const found: PolicySummary[] = [];
      const pages = paginateListPoliciesForTarget({ client }, { TargetId: targetId, Filter: SCP_FILTER });
      for await (const page of pages) found.push(...(page.Policies ?? []));
      return found;
    });
  }

  async function level(id: string, type: TargetType, accountId: string): Promise<ServiceControlPolicyTargetLevel> {
    const shared = type !== "ACCOUNT";
    const summaries = shared
      ? await remembered(`policies:${id}`, () => policiesOf(id, accountId))
      : await policiesOf(id, accountId);
    const targetName =
      type === "ROOT"
        ? "Root"
        : type === "ACCOUNT"
          ? id
          : await remembered(`ou:${id}`, async () => {
              const { OrganizationalUnit } = await call("organizations:DescribeOrganizationalUnit", accountId, () =>
                client.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: id })),
              );
              return OrganizationalUnit?.Name ?? id;
            });
    // A policy listed without its id cannot be described, and a level read without one of its
    // policies would make the evaluator wrong in either direction (a missing Allow denies, a
    // missing Deny allows): such an answer means the SCPs cannot be read.
    if (summaries.some((summary) => typeof summary.Id !== "string")) {
      const where = type === "ROOT" ? "the organization root" : type === "ACCOUNT" ? `account ${id}` : `OU ${targetName}`;
      throw new NotReadable({
        answer: "not_readable",
        code: "InvalidResponse",
        reason: `AWS Organizations listed a service control policy on ${where} without its id, so the policies that apply cannot all be read.`,
      });
    }
    const policies = await Promise.all(
      summaries
        .filter((summary): summary is PolicySummary & { Id: string } => typeof summary.Id === "string")
        .map((summary) =>
          remembered(`policy:${summary.Id}`, async () => {
            const { Policy } = await call("organizations:DescribePolicy", accountId, () =>
              client.send(new DescribePolicyCommand({ PolicyId: summary.Id })),
            );
            return {
              policyId: summary.Id,
              policyName: Policy?.PolicySummary?.Name ?? summary.Name ?? summary.Id,
              awsManaged: Policy?.PolicySummary?.AwsManaged ?? summary.AwsManaged ?? false,
              document: parseContent(Policy?.Content),
            };
          }),
        ),
    );
    return { targetId: id, targetType: type, targetName, policies: policies.sort((a, b) => a.policyId.localeCompare(b.policyId)) };
  }

  async function read(accountId: string, signal?: AbortSignal): Promise<ServiceControlPolicies> {
    const { Organization } = await call("organizations:DescribeOrganization", accountId, () =>
      remembered("organization", () => client.send(new DescribeOrganizationCommand({}))),
    );
    const organizationId = Organization?.Id ?? "";
    // SCPs never restrict the management account: without knowing which account that is, applying
    // them could take away permissions the account really has, and turn a failure into a pass.
    if (!Organization?.MasterAccountId) {
      return { answer: "not_readable", code: "InvalidResponse", reason: "AWS Organizations did not say which account is the management account." };
    }
    if (Organization.MasterAccountId === accountId) return { answer: "management_account", organizationId };

    const chain: Array<{ id: string; type: TargetType }> = [{ id: accountId, type: "ACCOUNT" }];
    let child = accountId;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const parent = child === accountId ? await parentOf(child, accountId, signal) : await remembered(`parent:${child}`, () => parentOf(child, accountId));
      chain.unshift(parent);
      if (parent.type === "ROOT") break;
      child = parent.id;
    }
    if (chain[0]?.type !== "ROOT") {
      return { answer: "not_readable", code: "InvalidResponse", reason: `AWS Organizations named no root above account ${accountId}.` };
    }
    try {
      const levels = await Promise.all(chain.map((target) => level(target.id, target.type, accountId)));
      // While SCPs are enabled every root, OU and account keeps at least one attached (Organizations
      // User Guide, "Service control policies"); a root without any means the policy type is off.
      if (levels[0]?.policies.length === 0) return { answer: "not_enabled", organizationId };
      return { answer: "read", organizationId, levels };
    } catch (error) {
      if (hasErrorCode(error instanceof Error && error.cause ? error.cause : error, "PolicyTypeNotEnabled")) return { answer: "not_enabled", organizationId };
      throw error;
    }
  }

  return {
    async managementAccountId() {
      try {
        const { Organization } = await remembered("organization", () => client.send(new DescribeOrganizationCommand({})));
        return Organization?.MasterAccountId || undefined;
      } catch {
        return undefined; // a hint only: without it nothing waits for the management account
      }
    },
    async read(accountId, signal) {
      try {
        return validatePart(serviceControlPoliciesSchema, await read(accountId, signal), "organizations:ListPoliciesForTarget");
      } catch (error) {
        if (error instanceof NotReadable) return error.answer;
        throw error;
      }
    },
  };
}
