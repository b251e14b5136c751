/**
 * Test-only: which members of an SDK command's output AWS may leave out, read from the SDK's own
 * TypeScript model types (the models_N.d.ts files in dist-types/models of each @aws-sdk client). A
 * member written `Name?: T` is "Required: No" in the service model; `Name: T | undefined` is
 * required. The keys of a `Partial<Record<K, V>>` (IAM's SummaryMap) are optional too.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** How a member's value is shaped: a structure of the model, a list of something, a map, or a leaf. */
type Shape =
  | { kind: "structure"; name: string }
  | { kind: "list"; element: Shape }
  | { kind: "map"; optionalKeys: boolean; value: Shape }
  | { kind: "leaf" };

interface Member {
  optional: boolean;
  shape: Shape;
}

type Structures = Map<string, Map<string, Member>>;

/**
 * Members that carry the paging protocol, not facts: leaving one out changes the question, not
 * the answer. Lists are not left out either: an absent list is how AWS's protocols say "none"
 * (the SDK reads an empty XML list as absent), a different answer rather than a missing fact.
 */
const PAGING_MEMBERS = new Set(["Marker", "IsTruncated", "NextToken", "nextToken", "ContinuationToken"]);

const CLIENT_PACKAGES: Record<string, string> = {
  IAM: "client-iam",
  EC2: "client-ec2",
  AutoScaling: "client-auto-scaling",
  CloudTrail: "client-cloudtrail",
  AccessAnalyzer: "client-accessanalyzer",
  S3: "client-s3",
  S3Control: "client-s3-control",
  STS: "client-sts",
  Organizations: "client-organizations",
  SSOAdmin: "client-sso-admin",
  Identitystore: "client-identitystore",
};

const structuresByClient = new Map<string, Structures>();

function packageDir(client: string): string {
  const name = CLIENT_PACKAGES[client];
  if (!name) throw new Error(`No SDK package known for client ${client}`);
  return path.join(process.cwd(), "node_modules", "@aws-sdk", name, "dist-types");
}

/** A member's type as the .d.ts writes it: `AttachedPolicy[] | undefined`, `Partial<Record<SummaryKeyType, number>>`… */
function shapeOf(typeText: string): Shape {
  const type = typeText.replace(/\s*\|\s*undefined$/, "").trim();
  if (type.endsWith("[]")) return { kind: "list", element: shapeOf(type.slice(0, -2)) };
  const partialRecord = /^Partial<Record<[^,]+,\s*(.+)>>$/.exec(type);
  if (partialRecord?.[1]) return { kind: "map", optionalKeys: true, value: shapeOf(partialRecord[1]) };
  const record = /^Record<[^,]+,\s*(.+)>$/.exec(type);
  if (record?.[1]) return { kind: "map", optionalKeys: false, value: shapeOf(record[1]) };
  if (/^[A-Z]\w*$/.test(type)) return { kind: "structure", name: type };
  return { kind: "leaf" };
}

/**
 * The SDK's model files are generated and regular: `export interface Name {`, one member per
 * line indented four spaces (`Name?: Type | undefined;`), doc comments between them, `}`.
 */
function structuresOf(client: string): Structures {
  const cached = structuresByClient.get(client);
  if (cached) return cached;
  const modelsDir = path.join(packageDir(client), "models");
  const structures: Structures = new Map();
  for (const file of readdirSync(modelsDir).filter((name) => /^models_\d+\.d\.ts$/.test(name))) {
    let current: Map<string, Member> | undefined;
    for (const line of readFileSync(path.join(modelsDir, file), "utf8").split("\n")) {
      const opening = /^export interface (\w+)(?: extends [^{]+)? \{$/.exec(line);
      if (opening?.[1]) {
        current = new Map();
        structures.set(opening[1], current);
        continue;
      }
      if (line === "}") current = undefined;
      const member = current && /^ {4}(\w+)(\??): (.+);$/.exec(line);
      if (current && member?.[1] && member[3]) current.set(member[1], { optional: member[2] === "?", shape: shapeOf(member[3]) });
    }
  }
  structuresByClient.set(client, structures);
  return structures;
}

/** The output structure of `<client>:<operation>`, as its command's `…CommandOutput extends X` names it. */
export function outputStructureName(client: string, operation: string): string {
  const file = path.join(packageDir(client), "commands", `${operation}Command.d.ts`);
  const match = new RegExp(`interface ${operation}CommandOutput extends (\\w+)`).exec(readFileSync(file, "utf8"));
  if (!match?.[1]) throw new Error(`Cannot find the output type of ${client}:${operation}`);
  return match[1];
}

export type MemberPath = Array<string | number>;

/**
 * Every optional member present in one concrete output (`Policies.3.PolicyName`,
 * `SummaryMap.AccountMFAEnabled`), at any depth, leaving out paging members.
 */
export function optionalMemberPaths(client: string, operation: string, output: unknown): MemberPath[] {
  const structures = structuresOf(client);
  const found: MemberPath[] = [];
  const visit = (value: unknown, shape: Shape, at: MemberPath) => {
    if (value === undefined || value === null) return;
    if (shape.kind === "list" && Array.isArray(value)) {
      value.forEach((element, index) => visit(element, shape.element, [...at, index]));
    } else if (shape.kind === "map" && typeof value === "object") {
      for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
        if (shape.optionalKeys) found.push([...at, key]);
        visit(entry, shape.value, [...at, key]);
      }
    } else if (shape.kind === "structure" && typeof value === "object" && !(value instanceof Date) && !(value instanceof Uint8Array)) {
      const members = structures.get(shape.name);
      if (!members) return;
      for (const [name, member] of members) {
        const child = (value as Record<string, unknown>)[name];
        if (child === undefined) continue;
        const removable = member.optional && member.shape.kind !== "list" && !(at.length === 0 && PAGING_MEMBERS.has(name));
        if (removable) found.push([...at, name]);
        visit(child, member.shape, [...at, name]);
      }
    }
  };
  visit(output, { kind: "structure", name: outputStructureName(client, operation) }, []);
  return found;
}

/** A copy of `output` without the members at `paths` (deeper paths inside a removed one are moot). */
export function withoutMembers<T>(output: T, paths: MemberPath[]): T {
  const copy = structuredClone(output);
  for (const memberPath of paths) {
    let parent: unknown = copy;
    for (const segment of memberPath.slice(0, -1)) {
      parent = parent === undefined || parent === null ? undefined : (parent as Record<string | number, unknown>)[segment];
    }
    if (parent !== undefined && parent !== null) delete (parent as Record<string | number, unknown>)[memberPath[memberPath.length - 1]!];
  }
  return copy;
}
