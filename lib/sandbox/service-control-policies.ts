/**
 * The sandbox organization's service control policies (curated/service-control-policies.ts)
 * with their ids and ARNs, and which are attached to each root, OU and account. Derived once per
 * world from the organization's tree; accounts only get FullAWSAccess, as AWS attaches it.
 */
import { FULL_AWS_ACCESS_ID, SERVICE_CONTROL_POLICIES } from "@/lib/sandbox/curated/service-control-policies";
import { organizationStructure } from "@/lib/sandbox/organization-structure";
import { createRng } from "@/lib/sandbox/prng";
import type { SandboxWorld } from "@/lib/sandbox/world";

export interface SandboxServiceControlPolicy {
  id: string;
  arn: string;
  name: string;
  description: string;
  awsManaged: boolean;
  /** The document as DescribePolicy returns it: a JSON string. */
  content: string;
}

export interface SandboxServiceControlPolicies {
  policy(id: string): SandboxServiceControlPolicy | undefined;
  /** The SCPs attached to a root, OU or account id; undefined when the target does not exist. */
  attachedTo(targetId: string): SandboxServiceControlPolicy[] | undefined;
}

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const built = new WeakMap<SandboxWorld, SandboxServiceControlPolicies>();

function policyId(seed: string | number, key: string): string {
  const rng = createRng(seed, "service-control-policy", key);
  return `p-${Array.from({ length: 8 }, () => ID_ALPHABET[rng.int(0, ID_ALPHABET.length - 1)]).join("")}`;
}

export function sandboxServiceControlPolicies(world: SandboxWorld): SandboxServiceControlPolicies {
  const cached = built.get(world);
  if (cached) return cached;
  const structure = organizationStructure(world);
  const policies = SERVICE_CONTROL_POLICIES.map((definition) => {
    const id = definition.key === "full-aws-access" ? FULL_AWS_ACCESS_ID : policyId(world.seed, definition.key);
    const arn = definition.awsManaged
      ? `arn:aws:organizations::aws:policy/service_control_policy/${id}`
      : `arn:aws:organizations::${world.managementAccountId}:policy/${world.organizationId}/service_control_policy/${id}`;
    const policy: SandboxServiceControlPolicy = {
      id,
      arn,
      name: definition.name,
      description: definition.description,
      awsManaged: definition.awsManaged,
      content: JSON.stringify(definition.document),
    };
    return { definition, policy };
  });
  const byTarget = new Map<string, SandboxServiceControlPolicy[]>();
  const attach = (targetId: string, policy: SandboxServiceControlPolicy) => byTarget.set(targetId, [...(byTarget.get(targetId) ?? []), policy]);
  const everywhere = policies.filter(({ definition }) => definition.attachedTo === "everywhere").map(({ policy }) => policy);
  for (const target of [structure.rootId, ...structure.units.map((unit) => unit.id), ...structure.members.map((member) => member.accountId)]) {
    for (const policy of everywhere) attach(target, policy);
  }
  for (const { definition, policy } of policies) {
    if (definition.attachedTo === "everywhere") continue;
    for (const placement of definition.attachedTo) attach(structure.placementId(placement), policy);
  }
  const byId = new Map(policies.map(({ policy }) => [policy.id, policy]));
  const result: SandboxServiceControlPolicies = {
    policy: (id) => byId.get(id),
    attachedTo: (targetId) => byTarget.get(targetId),
  };
  built.set(world, result);
  return result;
}
