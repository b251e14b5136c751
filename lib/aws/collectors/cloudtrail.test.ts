import { describe, expect, it } from "vitest";
import { awsError } from "../testing/stub-plugin";
import { stubbedAccountClients } from "../testing/test-clients";
import { collectTrails } from "./cloudtrail";

const orgTrailArn = "arn:aws:cloudtrail:us-east-1:999988887777:trail/org";
const homeTrailArn = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main";

describe("collectTrails", () => {
  it("includes shadow trails, asks each trail's status by ARN, and keeps a denied status in its field", async () => {
    const { clients, calls } = stubbedAccountClients({
      DescribeTrails: {
        trailList: [
          { Name: "main", TrailARN: homeTrailArn, HomeRegion: "eu-west-1", IsMultiRegionTrail: true, IsOrganizationTrail: false, S3BucketName: "logs", LogFileValidationEnabled: true },
          { Name: "org", TrailARN: orgTrailArn, HomeRegion: "us-east-1", IsMultiRegionTrail: true, IsOrganizationTrail: true },
        ],
      },
      GetTrailStatus: (input: { Name: string }) =>
        input.Name === homeTrailArn
          ? { IsLogging: true, LatestDeliveryTime: new Date("2025-11-20T07:55:00Z") }
          : awsError("TrailNotFoundException", { httpStatus: 400 }),
    });
    const trails = await collectTrails(clients, "eu-west-1");
    clients.destroy();
    expect(calls.find((call) => call.operation === "DescribeTrails")?.input).toEqual({});
    expect(trails).toEqual([
      {
        name: "main",
        trailArn: homeTrailArn,
        homeRegion: "eu-west-1",
        isMultiRegionTrail: true,
        isOrganizationTrail: false,
        s3BucketName: "logs",
        logFileValidationEnabled: true,
        status: { ok: true, value: { isLogging: true, latestDeliveryTime: "2025-11-20T07:55:00.000Z" } },
      },
      {
        name: "org",
        trailArn: orgTrailArn,
        homeRegion: "us-east-1",
        isMultiRegionTrail: true,
        isOrganizationTrail: true,
        logFileValidationEnabled: false,
        status: { ok: false, error: expect.objectContaining({ api: "cloudtrail:GetTrailStatus", code: "TrailNotFoundException", region: "eu-west-1" }) },
      },
    ]);
  });
});
