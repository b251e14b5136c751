import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox";
import { createAwsRuntime } from "./aws-runtime";
import { collectionJobContext } from "./collection-job-context";

const PARTNER = CURATED_ACCOUNT_IDS.partnerIntegration;
const DENIED = `account ${PARTNER}: failed: AccessDenied: Cannot assume arn:aws:iam::${PARTNER}:role/iamfit-audit: the role's trust policy does not allow iamfit's principal or the ExternalId does not match.`;

async function contextLogging(config: Record<string, string>) {
  const lines: string[] = [];
  const aws = await createAwsRuntime(parseEnv(config), { externalId: "iamfit-test" });
  const context = collectionJobContext(parseEnv(config), aws, (line) => lines.push(line));
  return { log: context.log!, lines };
}

describe("what a worker logs about collections", () => {
  it("says once, as the sandbox's intent, that its partner account refuses iamfit, instead of logging a failure every collection", async () => {
    const { log, lines } = await contextLogging({ IAMFIT_SANDBOX: "1" });
    log(DENIED);
    log("account 189012374650: collected");
    log(DENIED);
    expect(lines).toEqual([
      `account ${PARTNER} (partner-integration): not collected, as the sandbox organization intends: its audit role expects the partner's ExternalId (its account page shows the error)`,
      "account 189012374650: collected",
    ]);
  });

  it("logs every other failure of the sandbox as it is", async () => {
    const { log, lines } = await contextLogging({ IAMFIT_SANDBOX: "1" });
    log("account 115093827461: failed: Throttling: Rate exceeded");
    log("account 115093827461: failed: Throttling: Rate exceeded");
    expect(lines).toHaveLength(2);
  });
});
