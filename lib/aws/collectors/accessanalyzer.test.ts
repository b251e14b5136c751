import { describe, expect, it } from "vitest";
import { awsError } from "../testing/stub-plugin";
import { stubbedAccountClients } from "../testing/test-clients";
import { collectAnalyzers } from "./accessanalyzer";

describe("collectAnalyzers", () => {
  it("lists the region's analyzers with their type and status", async () => {
    const { clients } = stubbedAccountClients({
      ListAnalyzers: {
        analyzers: [
          { name: "unused", arn: "arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/unused", type: "ACCOUNT_UNUSED_ACCESS", status: "ACTIVE", createdAt: new Date() },
          { name: "account", arn: "arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/account", type: "ACCOUNT", status: "ACTIVE", createdAt: new Date() },
        ],
      },
    });
    expect(await collectAnalyzers(clients, "eu-west-1")).toEqual([
      { name: "account", arn: "arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/account", type: "ACCOUNT", status: "ACTIVE" },
      { name: "unused", arn: "arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/unused", type: "ACCOUNT_UNUSED_ACCESS", status: "ACTIVE" },
    ]);
    clients.destroy();
  });

  it("names the IAM action prefix access-analyzer when denied", async () => {
    const { clients } = stubbedAccountClients({ ListAnalyzers: awsError("AccessDeniedException", { httpStatus: 403 }) });
    await expect(collectAnalyzers(clients, "eu-west-1")).rejects.toMatchObject({
      collectorError: { api: "access-analyzer:ListAnalyzers", code: "AccessDeniedException", region: "eu-west-1" },
    });
    clients.destroy();
  });
});
