/**
 * CloudTrail trails visible in a region, with their logging status. DescribeTrails includes shadow
 * trails by default (multi-region trails from their home region, organization trails in member
 * accounts), so a region lists every trail that records it. GetTrailStatus needs the ARN for
 * shadow trails, and a member account may not be allowed to read an organization trail's status,
 * so status is a per-trail FieldResult.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html
 */
import { DescribeTrailsCommand, GetTrailStatusCommand } from "@aws-sdk/client-cloudtrail";
import { trailsSchema, type Trail } from "@/lib/snapshot/schema";
import type { AccountClients } from "../client-factory";
import { awsCall, fieldCall, validatePart } from "./aws-call";
import { isoDate, sortBy } from "./sdk-values";

/** arn:aws:cloudtrail:<home region>:<account>:trail/<name> */
function trailArnParts(arn: string | undefined): { name?: string; region?: string } {
  const match = /^arn:[^:]+:cloudtrail:([^:]+):[^:]*:trail\/(.+)$/.exec(arn ?? "");
  return match ? { region: match[1], name: match[2] } : {};
}

export async function collectTrails(clients: AccountClients, region: string, signal?: AbortSignal): Promise<Trail[]> {
  const client = clients.cloudTrail(region);
  const output = await awsCall("cloudtrail:DescribeTrails", region, () => client.send(new DescribeTrailsCommand({}), { abortSignal: signal }));
  const trails = await Promise.all(
    (output.trailList ?? []).map(async (trail) => {
      const status = await fieldCall("cloudtrail:GetTrailStatus", region, async () => {
        const result = await client.send(new GetTrailStatusCommand({ Name: trail.TrailARN ?? trail.Name }), { abortSignal: signal });
        const latestDeliveryTime = isoDate(result.LatestDeliveryTime);
        return { isLogging: result.IsLogging ?? false, ...(latestDeliveryTime ? { latestDeliveryTime } : {}) };
      });
      // Every member of Trail is "Required: No"; the ARN identifies it and carries its name and home region.
      const fromArn = trailArnParts(trail.TrailARN);
      return {
        name: trail.Name ?? fromArn.name,
        trailArn: trail.TrailARN,
        homeRegion: trail.HomeRegion ?? fromArn.region,
        isMultiRegionTrail: trail.IsMultiRegionTrail ?? false,
        isOrganizationTrail: trail.IsOrganizationTrail ?? false,
        ...(trail.S3BucketName ? { s3BucketName: trail.S3BucketName } : {}),
        logFileValidationEnabled: trail.LogFileValidationEnabled ?? false,
        status,
      };
    }),
  );
  return validatePart(trailsSchema, sortBy(trails, (trail) => trail.trailArn ?? ""), "cloudtrail:DescribeTrails", region);
}
