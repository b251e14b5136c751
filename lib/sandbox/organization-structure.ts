/**
 * The sandbox organization's tree: one root, the OUs of curated/organization-units.ts, and every
 * member account placed in it. Derived from account summaries only (no account is built), once
 * per world: the world's account list never changes after it is created.
 */
import { accountEmail } from "@/lib/sandbox/account-builder";
import {
  CURATED_PLACEMENTS,
  ORGANIZATION_ONLY_MEMBERS,
  ORGANIZATIONAL_UNITS,
  placementForEnv,
  type Placement,
} from "@/lib/sandbox/curated/organization-units";
import type { SandboxOrganizationalUnit, SandboxOrganizationMember } from "@/lib/sandbox/model";
import { createRng, hashParts } from "@/lib/sandbox/prng";
import type { SandboxWorld } from "@/lib/sandbox/world";

const DAY_MS = 86_400_000;
const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

export interface OrganizationStructure {
  rootId: string;
  /** Parents before children. */
  units: readonly SandboxOrganizationalUnit[];
  /** The world's accounts in listing order, then the organization-only members. */
  members: readonly SandboxOrganizationMember[];
  unit(id: string): SandboxOrganizationalUnit | undefined;
  /** The id of a curated OU (organization-units.ts), or the root's for "root". */
  placementId(placement: Placement): string;
  member(accountId: string): SandboxOrganizationMember | undefined;
  unitsIn(parentId: string): SandboxOrganizationalUnit[];
  membersIn(parentId: string): SandboxOrganizationMember[];
}

function drawId(length: number, ...seedParts: Array<string | number>): string {
  const rng = createRng(...seedParts);
  return Array.from({ length }, () => ID_ALPHABET[rng.int(0, ID_ALPHABET.length - 1)]).join("");
}

const structures = new WeakMap<SandboxWorld, OrganizationStructure>();

export function organizationStructure(world: SandboxWorld): OrganizationStructure {
  const cached = structures.get(world);
  if (cached) return cached;
  const structure = buildStructure(world);
  structures.set(world, structure);
  return structure;
}

function buildStructure(world: SandboxWorld): OrganizationStructure {
  // AWS formats: root "r-" + 4–32 characters; OU "ou-" + the root's suffix + "-" + 8–32 characters.
  const rootSuffix = drawId(4, world.seed, "organization-root");
  const rootId = `r-${rootSuffix}`;
  const idByKey = new Map<string, string>();
  const units: SandboxOrganizationalUnit[] = ORGANIZATIONAL_UNITS.map((definition) => {
    const id = `ou-${rootSuffix}-${drawId(8, world.seed, "organizational-unit", definition.key)}`;
    idByKey.set(definition.key, id);
    return { id, name: definition.name, parentId: definition.parent ? (idByKey.get(definition.parent) ?? rootId) : rootId };
  });
  const parentOf = (placement: Placement) => (placement === "root" ? rootId : (idByKey.get(placement) ?? rootId));
  const joinedAt = (accountId: string, daysAgo?: number) =>
    new Date(world.today.getTime() - (daysAgo ?? 30 + (hashParts(world.seed, accountId) % 2000)) * DAY_MS);

  const members: SandboxOrganizationMember[] = [
    ...world.accounts().map(
      (summary): SandboxOrganizationMember => ({
        accountId: summary.accountId,
        name: summary.name,
        email: summary.email,
        state: "ACTIVE",
        parentId: parentOf(CURATED_PLACEMENTS[summary.accountId] ?? placementForEnv(summary.tags.env)),
        joinedMethod: summary.accountId === world.managementAccountId ? "CREATED" : "INVITED",
        joinedAt: joinedAt(summary.accountId),
      }),
    ),
    ...ORGANIZATION_ONLY_MEMBERS.map(
      (definition): SandboxOrganizationMember => ({
        accountId: definition.accountId,
        name: definition.name,
        email: accountEmail(definition.name),
        state: definition.state,
        parentId: parentOf(definition.placement),
        joinedMethod: "CREATED",
        joinedAt: joinedAt(definition.accountId, definition.joinedDaysAgo),
      }),
    ),
  ];

  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const memberById = new Map(members.map((member) => [member.accountId, member]));
  return {
    rootId,
    units,
    members,
    unit: (id) => unitById.get(id),
    placementId: parentOf,
    member: (accountId) => memberById.get(accountId),
    unitsIn: (parentId) => units.filter((unit) => unit.parentId === parentId),
    membersIn: (parentId) => members.filter((member) => member.parentId === parentId),
  };
}
