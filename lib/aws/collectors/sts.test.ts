import { describe, expect, it } from "vitest";
import { awsError } from "../testing/stub-plugin";
import { assumeRoleOutput, stubbedAccountClients, stubbedBaseClients, TEST_TARGET } from "../testing/test-clients";
import { collectStsRegionStatus } from "./sts";

describe("collectStsRegionStatus", () => {
  it("classifies each region by what its own STS endpoint answers to AssumeRole", async () => {
    const { clients, calls } = stubbedAccountClients({
      AssumeRole: (_input, call) => {
        if (call.region === "eu-south-1") return awsError("RegionDisabledException", { httpStatus: 403 });
        if (call.region === "ap-south-1") return awsError("Throttling", { httpStatus: 400 });
        return assumeRoleOutput();
      },
    });
    const status = await collectStsRegionStatus(clients, ["us-east-1", "eu-south-1", "ap-south-1", "eu-west-1"]);
    clients.destroy();
    expect(status).toEqual({
      probedAs: TEST_TARGET.accountId,
      regions: [
        { region: "ap-south-1", status: "unknown", errorCode: "Throttling" },
        { region: "eu-south-1", status: "disabled" },
        { region: "eu-west-1", status: "active" },
        { region: "us-east-1", status: "active" },
      ],
    });
    const probes = calls.filter((call) => call.operation === "AssumeRole" && call.input.RoleSessionName !== `iamfit-${TEST_TARGET.accountId}`);
    expect(probes.map((call) => call.hostname)).toContain("sts.eu-south-1.amazonaws.com");
    expect(probes[0]?.input).toMatchObject({ RoleArn: TEST_TARGET.roleArn, ExternalId: TEST_TARGET.externalId, DurationSeconds: 900 });
  });

  it("needs an audit role to probe with", async () => {
    const { clients } = stubbedBaseClients({});
    await expect(collectStsRegionStatus(clients, ["us-east-1"])).rejects.toThrow(/needs an audit role/);
    clients.destroy();
  });
});
