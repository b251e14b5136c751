/**
 * AWS-shaped identifiers and ARNs. Ids are derived by hashing (seed, account, kind, name), not
 * drawn from a shared stream, so adding a user never changes another resource's id and a
 * mutation that creates something gets the same id on every replay.
 */
import { createRng } from "@/lib/sandbox/prng";

const IAM_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX = "0123456789abcdef";

function drawChars(alphabet: string, length: number, ...seedParts: Array<string | number>): string {
  const rng = createRng(...seedParts);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[rng.int(0, alphabet.length - 1)];
  return out;
}

/** IAM unique ids: AIDA (user), AROA (role), AGPA (group), ANPA (policy), AIPA (instance profile); 21 chars. */
export type IamIdPrefix = "AIDA" | "AROA" | "AGPA" | "ANPA" | "AIPA";

export function iamUniqueId(seed: number, accountId: string, prefix: IamIdPrefix, name: string): string {
  return prefix + drawChars(UPPER_ALNUM, 17, seed, accountId, prefix, name);
}

/** Access key ids: "AKIA" + 16 base32 characters, 20 in all. */
export function accessKeyId(seed: number, accountId: string, owner: string, index: number): string {
  return "AKIA" + drawChars(IAM_ID_ALPHABET, 16, seed, accountId, "access-key", owner, index);
}

export type Ec2IdPrefix = "i" | "sg" | "vpc" | "subnet" | "r" | "ami" | "igw";

/** EC2 resource ids: "i-" + 17 hex digits (the long id format). */
export function ec2Id(seed: number, accountId: string, prefix: Ec2IdPrefix, name: string): string {
  return `${prefix}-${drawChars(HEX, 17, seed, accountId, prefix, name)}`;
}

/** A 64-hex-digit S3 canonical user id. */
/** Identity Center ids: ssoins-<16 hex>, ps-<16 hex>, d-<10 hex> (identity store), and a uuid-shaped user or group id. */
export function identityCenterId(seed: number, kind: "ssoins" | "ps" | "d" | "user" | "group", name: string): string {
  if (kind === "d") return `d-${drawChars(HEX, 10, seed, kind, name)}`;
  if (kind === "user" || kind === "group") {
    const hex = drawChars(HEX, 32, seed, kind, name);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return `${kind}-${drawChars(HEX, 16, seed, kind, name)}`;
}

export function canonicalUserId(seed: number, accountId: string): string {
  return drawChars(HEX, 64, seed, accountId, "canonical-user");
}

export function requestIdFor(seed: number, counter: number): string {
  const hex = drawChars(HEX, 32, seed, "request", counter);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A deterministic private IPv4 address in 10.0.0.0/8. */
export function privateIp(seed: number, accountId: string, name: string): string {
  const rng = createRng(seed, accountId, "private-ip", name);
  return `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(4, 250)}`;
}

/** A deterministic public IPv4 address in documentation-free public space (52.x / 54.x / 3.x like AWS). */
export function publicIp(seed: number, accountId: string, name: string): string {
  const rng = createRng(seed, accountId, "public-ip", name);
  return `${rng.pick([3, 18, 34, 52, 54])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

// ---------------------------------------------------------------------------------------------
// ARNs

/** IAM paths start and end with "/": "/" or "/engineering/". */
function withPath(path: string, name: string): string {
  return `${path}${name}`;
}

export const arns = {
  root: (accountId: string) => `arn:aws:iam::${accountId}:root`,
  user: (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:user${withPath(path, name)}`,
  group: (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:group${withPath(path, name)}`,
  role: (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:role${withPath(path, name)}`,
  instanceProfile: (accountId: string, path: string, name: string) =>
    `arn:aws:iam::${accountId}:instance-profile${withPath(path, name)}`,
  customerPolicy: (accountId: string, path: string, name: string) =>
    `arn:aws:iam::${accountId}:policy${withPath(path, name)}`,
  mfa: (accountId: string, name: string) => `arn:aws:iam::${accountId}:mfa/${name}`,
  assumedRole: (accountId: string, roleName: string, sessionName: string) =>
    `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
  trail: (accountId: string, region: string, name: string) => `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`,
  analyzer: (accountId: string, region: string, name: string) =>
    `arn:aws:access-analyzer:${region}:${accountId}:analyzer/${name}`,
  autoScalingGroup: (accountId: string, region: string, name: string, id: string) =>
    `arn:aws:autoscaling:${region}:${accountId}:autoScalingGroup:${id}:autoScalingGroupName/${name}`,
  scalingPolicy: (accountId: string, region: string, groupName: string, policyName: string, id: string) =>
    `arn:aws:autoscaling:${region}:${accountId}:scalingPolicy:${id}:autoScalingGroupName/${groupName}:policyName/${policyName}`,
  targetGroup: (accountId: string, region: string, name: string, id: string) =>
    `arn:aws:elasticloadbalancing:${region}:${accountId}:targetgroup/${name}/${id}`,
  securityGroup: (accountId: string, region: string, groupId: string) =>
    `arn:aws:ec2:${region}:${accountId}:security-group/${groupId}`,
  bucket: (name: string) => `arn:aws:s3:::${name}`,
};

/** The account id inside an ARN ("arn:aws:iam::123456789012:role/x" → "123456789012"). */
export function accountOfArn(arn: string): string | undefined {
  const parts = arn.split(":");
  return parts.length >= 6 && parts[0] === "arn" ? parts[4] : undefined;
}
