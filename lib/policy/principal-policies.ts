/**
 * Which policies apply to a user or role, taken from GetAccountAuthorizationDetails: managed
 * policies attached directly, inline policies, and for users the managed and inline policies
 * of each group. Each managed document is parsed once per catalogue.
 */
import type { AuthorizationDetails, IamGroup, IamRole, IamUser, ManagedPolicy } from "@/lib/snapshot/schema";
import { parsePolicyDocument, type NormalizedPolicy, type PolicyParseResult } from "./document";
import type { PrincipalPolicySet, ServiceControlPolicyLevel } from "./evaluator";

const ADMINISTRATOR_ACCESS_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";

/** AdministratorAccess is known by its ARN even when its document was not collected. */
const ADMINISTRATOR_ACCESS_DOCUMENT: NormalizedPolicy = {
  version: "2012-10-17",
  statements: [{ index: 0, effect: "Allow", actions: ["*"], resources: ["*"], conditions: [], raw: { Effect: "Allow", Action: "*", Resource: "*" } }],
};

export interface PolicySourceRef {
  via: "direct" | "group";
  attachment: "managed" | "inline";
  groupName?: string;
  policyName: string;
  policyArn?: string;
}

export interface PolicySource extends PolicySourceRef {
  parsed: PolicyParseResult;
}

export interface PolicyCatalog {
  managedPolicy(arn: string): ManagedPolicy | undefined;
  /** The default version of a managed policy, parsed; a typed error when it was not collected. */
  managedDocument(arn: string): PolicyParseResult;
  group(name: string): IamGroup | undefined;
  userSources(user: IamUser): PolicySource[];
  roleSources(role: IamRole): PolicySource[];
  /** Everything the evaluator needs for one user or role (evaluator.ts). */
  policySet(principal: IamUser | IamRole): PrincipalPolicySet;
}

export function sourceRef(source: PolicySource): PolicySourceRef {
  const ref: PolicySourceRef = { via: source.via, attachment: source.attachment, policyName: source.policyName };
  if (source.groupName !== undefined) ref.groupName = source.groupName;
  if (source.policyArn !== undefined) ref.policyArn = source.policyArn;
  return ref;
}

/** Human-readable path of a source for evidence and reasons: "group admins › AdministratorAccess". */
export function describeSource(source: PolicySourceRef): string {
  const kind = source.attachment === "inline" ? "inline policy" : "managed policy";
  const prefix = source.via === "group" ? `group ${source.groupName ?? "?"} › ` : "";
  return `${prefix}${kind} ${source.policyName}`;
}

/**
 * `serviceControlPolicies`: the levels that apply to the account, when the organization's
 * policies could be read (management account or delegated administrator); absent, the
 * evaluator's answers say service control policies were not considered.
 */
export function createPolicyCatalog(details: AuthorizationDetails, serviceControlPolicies?: ServiceControlPolicyLevel[]): PolicyCatalog {
  const managed = new Map(details.policies.map((policy) => [policy.arn, policy]));
  const groups = new Map(details.groups.map((group) => [group.groupName, group]));
  const parsedManaged = new Map<string, PolicyParseResult>();

  function managedDocument(arn: string): PolicyParseResult {
    const cached = parsedManaged.get(arn);
    if (cached) return cached;
    const policy = managed.get(arn);
    const result: PolicyParseResult = policy
      ? parsePolicyDocument(policy.defaultDocument)
      : { ok: false, error: { kind: "missing", message: `managed policy ${arn} is not in the authorization details` } };
    parsedManaged.set(arn, result);
    return result;
  }

  function attachedSources(
    holder: Pick<IamUser, "attachedManagedPolicies" | "inlinePolicies">,
    via: "direct" | "group",
    groupName?: string,
  ): PolicySource[] {
    const group = groupName === undefined ? {} : { groupName };
    return [
      ...holder.attachedManagedPolicies.map((attached) => ({
        via,
        attachment: "managed" as const,
        ...group,
        policyName: attached.policyName,
        policyArn: attached.policyArn,
        parsed: managedDocument(attached.policyArn),
      })),
      ...holder.inlinePolicies.map((inline) => ({
        via,
        attachment: "inline" as const,
        ...group,
        policyName: inline.policyName,
        parsed: parsePolicyDocument(inline.document),
      })),
    ];
  }

  function userSources(user: IamUser): PolicySource[] {
    const groupSources = user.groups.flatMap((groupName) => {
      const group = groups.get(groupName);
      return group ? attachedSources(group, "group", groupName) : [];
    });
    return [...attachedSources(user, "direct"), ...groupSources];
  }

  function policySet(principal: IamUser | IamRole): PrincipalPolicySet {
    const sources = "userName" in principal ? userSources(principal) : attachedSources(principal, "direct");
    const set: PrincipalPolicySet = { identity: [], unreadable: [] };
    for (const source of sources) {
      if (source.parsed.ok) set.identity.push({ source: sourceRef(source), policy: source.parsed.policy });
      else if (source.policyArn === ADMINISTRATOR_ACCESS_ARN) set.identity.push({ source: sourceRef(source), policy: ADMINISTRATOR_ACCESS_DOCUMENT });
      else set.unreadable.push({ source: sourceRef(source), error: source.parsed.error });
    }
    const boundaryArn = principal.permissionsBoundaryArn;
    if (boundaryArn !== undefined) {
      const parsed = managedDocument(boundaryArn);
      const policyName = managed.get(boundaryArn)?.policyName ?? boundaryArn.slice(boundaryArn.lastIndexOf("/") + 1);
      set.boundary = parsed.ok
        ? { policyArn: boundaryArn, policyName, policy: parsed.policy }
        : boundaryArn === ADMINISTRATOR_ACCESS_ARN
          ? { policyArn: boundaryArn, policyName, policy: ADMINISTRATOR_ACCESS_DOCUMENT }
          : { policyArn: boundaryArn, policyName, error: parsed.error };
    }
    if (serviceControlPolicies) set.serviceControlPolicies = serviceControlPolicies;
    return set;
  }

  return {
    policySet,
    managedPolicy: (arn) => managed.get(arn),
    managedDocument,
    group: (name) => groups.get(name),
    userSources,
    roleSources: (role) => attachedSources(role, "direct"),
  };
}
