/**
 * Which policies apply to a user or role, taken from GetAccountAuthorizationDetails: managed
 * policies attached directly, inline policies, and for users the managed and inline policies
 * of each group. Each managed document is parsed once per catalogue.
 */
import type { AuthorizationDetails, IamGroup, IamRole, IamUser, ManagedPolicy } from "@/lib/snapshot/schema";
import { parsePolicyDocument, type PolicyParseResult, type PolicyStatement } from "./document";

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

export interface SourcedStatement {
  source: PolicySourceRef;
  statement: PolicyStatement;
}

export interface PolicyCatalog {
  managedPolicy(arn: string): ManagedPolicy | undefined;
  /** The default version of a managed policy, parsed; a typed error when it was not collected. */
  managedDocument(arn: string): PolicyParseResult;
  group(name: string): IamGroup | undefined;
  userSources(user: IamUser): PolicySource[];
  roleSources(role: IamRole): PolicySource[];
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

export function createPolicyCatalog(details: AuthorizationDetails): PolicyCatalog {
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

  return {
    managedPolicy: (arn) => managed.get(arn),
    managedDocument,
    group: (name) => groups.get(name),
    userSources(user) {
      const groupSources = user.groups.flatMap((groupName) => {
        const group = groups.get(groupName);
        return group ? attachedSources(group, "group", groupName) : [];
      });
      return [...attachedSources(user, "direct"), ...groupSources];
    },
    roleSources: (role) => attachedSources(role, "direct"),
  };
}

/** Every statement of the sources that parsed; the failures are reported by the caller. */
export function sourcedStatements(sources: PolicySource[]): SourcedStatement[] {
  return sources.flatMap((source) =>
    source.parsed.ok ? source.parsed.policy.statements.map((statement) => ({ source: sourceRef(source), statement })) : [],
  );
}
