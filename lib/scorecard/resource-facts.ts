/**
 * What the snapshot holds about one resource, for the resource page: the facts AWS reported at
 * the last collection (its credential-report row, its IAM entry, the instance, security group,
 * bucket, trail…). Resource ids are the checks' ids (lib/checks/findings.ts): ARNs, with a
 * `#access_key_1`-style suffix for parts of a user.
 */
import type { JsonValue } from "@/lib/checks/types";
import { globalPart, regionalParts } from "@/lib/checks/part-access";
import { ROOT_USER_ROW, type AccountSnapshot } from "@/lib/snapshot/schema";

export interface ResourceFacts {
  title: string;
  facts: JsonValue;
}

/** The resource a finding's id points at, without the part suffix (`…user/alice#access_key_1` → the user). */
export function baseResourceId(resourceId: string): string {
  const hash = resourceId.indexOf("#");
  return hash < 0 ? resourceId : resourceId.slice(0, hash);
}

function asJson(value: unknown): JsonValue {
  return value as JsonValue;
}

const EC2_ARN = /^arn:[a-z-]+:ec2:([a-z0-9-]+):\d{12}:(instance|security-group)\/(.+)$/;

export function resourceFacts(snapshot: AccountSnapshot, resourceId: string): ResourceFacts[] {
  const id = baseResourceId(resourceId);
  const found: ResourceFacts[] = [];
  const add = (title: string, facts: unknown) => {
    if (facts !== undefined && facts !== null) found.push({ title, facts: asJson(facts) });
  };

  const report = globalPart(snapshot, "iam.credentialReport");
  if (report.available) {
    const isRoot = /^arn:[a-z-]+:iam::\d{12}:root$/.test(id);
    add("Credential report row", report.data.rows.find((row) => (isRoot ? row.user === ROOT_USER_ROW : row.arn === id)));
  }
  const details = globalPart(snapshot, "iam.authorizationDetails");
  if (details.available) {
    add("IAM user", details.data.users.find((user) => user.arn === id));
    add("IAM role", details.data.roles.find((role) => role.arn === id));
    add("IAM group", details.data.groups.find((group) => group.arn === id));
    add("Managed policy", details.data.policies.find((policy) => policy.arn === id));
  }

  const ec2 = EC2_ARN.exec(id);
  if (ec2) {
    const [, region = "", kind, resource] = ec2;
    if (kind === "instance") {
      const instances = regionalParts(snapshot, "ec2.instances").find((entry) => entry.region === region);
      if (instances?.available) add("EC2 instance", instances.data.find((instance) => instance.instanceId === resource));
    } else {
      const groups = regionalParts(snapshot, "ec2.securityGroups").find((entry) => entry.region === region);
      if (groups?.available) add("Security group", groups.data.find((group) => group.groupId === resource));
    }
  }

  if (id.startsWith("arn:aws:s3:::")) {
    const buckets = globalPart(snapshot, "s3.buckets");
    if (buckets.available) add("S3 bucket", buckets.data.find((bucket) => `arn:aws:s3:::${bucket.name}` === id));
  }
  for (const entry of regionalParts(snapshot, "cloudtrail.trails")) {
    if (entry.available) add("CloudTrail trail", entry.data.find((trail) => trail.trailArn === id));
  }
  for (const entry of regionalParts(snapshot, "accessanalyzer.analyzers")) {
    if (entry.available) add("Access Analyzer", entry.data.find((analyzer) => analyzer.arn === id));
  }
  return found;
}
