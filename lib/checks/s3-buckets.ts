/**
 * Reading S3 exposure, shared by the checks of exercise 10: Block Public Access at account and
 * bucket level (and the words a person reads for its four settings), who a public ACL grant
 * reaches, and how severe a public bucket is when Block Public Access already neutralises it.
 */
import type { AccountSnapshot, Bucket, PublicAccessBlock } from "@/lib/snapshot/schema";
import { bucketArn } from "./findings";
import { globalPart } from "./part-access";
import type { Severity } from "./types";

export type BlockSetting = keyof PublicAccessBlock;

/** The four settings in the order the S3 console and API list them, in the console's words. */
export const BLOCK_SETTINGS: ReadonlyArray<{ setting: BlockSetting; words: string }> = [
  { setting: "blockPublicAcls", words: "Block public ACLs" },
  { setting: "ignorePublicAcls", words: "Ignore public ACLs" },
  { setting: "blockPublicPolicy", words: "Block public bucket policies" },
  { setting: "restrictPublicBuckets", words: "Restrict public buckets" },
];

export function blockSettingInWords(setting: BlockSetting): string {
  return BLOCK_SETTINGS.find((entry) => entry.setting === setting)?.words ?? setting;
}

/** The settings that are off, in console order; all four when there is no configuration. */
export function settingsOff(configuration: PublicAccessBlock | null): BlockSetting[] {
  return BLOCK_SETTINGS.map((entry) => entry.setting).filter((setting) => !configuration?.[setting]);
}

export const PUBLIC_GRANTEES = {
  "http://acs.amazonaws.com/groups/global/AllUsers": "Everyone (public)",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "Any AWS account (authenticated users)",
} as const;
export type PublicGranteeUri = keyof typeof PUBLIC_GRANTEES;

export function isPublicGrantee(uri: string | undefined): uri is PublicGranteeUri {
  return uri !== undefined && uri in PUBLIC_GRANTEES;
}

/**
 * Which Block Public Access setting neutralises a public policy (RestrictPublicBuckets) or public
 * ACL grants (IgnorePublicAcls), stored as a code: "account-level restrictPublicBuckets".
 */
export const MITIGATIONS = [
  "account-level restrictPublicBuckets",
  "bucket-level restrictPublicBuckets",
  "account-level ignorePublicAcls",
  "bucket-level ignorePublicAcls",
] as const;
export type Mitigation = (typeof MITIGATIONS)[number];

export function blockedBy(setting: "restrictPublicBuckets" | "ignorePublicAcls", bucket: Bucket, account: PublicAccessBlock | null | undefined): Mitigation | undefined {
  if (account?.[setting]) return `account-level ${setting}`;
  if (bucket.publicAccessBlock.ok && bucket.publicAccessBlock.value?.[setting]) return `bucket-level ${setting}`;
  return undefined;
}

/** "the account's Restrict public buckets setting" */
export function mitigationInWords(mitigation: Mitigation): string {
  const [level, setting] = mitigation.split(" ") as [string, BlockSetting];
  return `the ${level === "account-level" ? "account's" : "bucket's own"} ${blockSettingInWords(setting)} setting`;
}

/** Public and reachable is critical; public on paper but blocked by Block Public Access is still worth fixing. */
export function exposureSeverity(mitigation: Mitigation | undefined): Severity {
  return mitigation ? "high" : "critical";
}

/** The account-level configuration; undefined when it could not be read (nothing is assumed blocked). */
export function accountBlock(snapshot: AccountSnapshot): PublicAccessBlock | null | undefined {
  const part = globalPart(snapshot, "s3control.publicAccessBlock");
  return part.available ? part.data.configuration : undefined;
}

export function bucketResource(bucket: Bucket) {
  return { resourceId: bucketArn(bucket.name), resourceType: "bucket" as const, resourceName: bucket.name, region: bucket.region };
}
