/**
 * The STS regional probe (exercise 7, seed 003: every active STS region is attack surface).
 * No API lists the regions where STS is active, so iamfit asks each region's STS endpoint to
 * AssumeRole the audit role and classifies the answer: credentials → active,
 * RegionDisabledException → disabled, anything else → unknown with the code. GetCallerIdentity
 * is not a reliable probe (AWS-NOTES.md). The session a probe returns is discarded; it asks for
 * the minimum duration.
 *
 * Whose setting does the probe observe? The IAM User Guide, "Manage AWS STS in an AWS Region"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html):
 * "It is not the account of the caller, but the account from which temporary credentials are
 * requested that must activate the region." Its example: a user in account A calls AssumeRole at
 * sts.us-west-2 for a role in account B, so B must have us-west-2 active, whatever A's setting.
 * An AssumeRole of the audit role therefore observes the audited account's own setting, which is
 * what `probedAs` records (that account's id). For manually enabled (opt-in) regions the current
 * page adds that the region must be active in both the requesting and the generating account, so
 * there a RegionDisabledException can also come from iamfit's own account.
 * us-east-1 cannot be deactivated; it is probed like the others as a control.
 */
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { stsRegionStatusSchema, type StsRegionStatus } from "@/lib/snapshot/schema";
import { SESSION_DURATION_SECONDS } from "../assume-role-session";
import type { AccountClients } from "../client-factory";
import { awsErrorCode } from "../errors";
import { validatePart } from "./aws-call";
import { compareStrings } from "./sdk-values";

export type StsProbeResult = StsRegionStatus["regions"][number];

export async function collectStsRegionStatus(clients: AccountClients, regions: string[], signal?: AbortSignal): Promise<StsRegionStatus> {
  const target = clients.target;
  if (!target) {
    throw new Error("The STS regional probe needs an audit role to assume; base clients have none.");
  }
  const probes = await Promise.all([...new Set(regions)].map((region) => probeStsRegion(clients, region, signal)));
  const results = probes.map((probe) => probe.result);
  const data = {
    probedAs: target.accountId,
    regions: results.sort((a, b) => compareStrings(a.region, b.region)),
  };
  return validatePart(stsRegionStatusSchema, data, "sts:AssumeRole");
}

/** The classified result, and the error itself when there was one (test-connection shows its message). */
export async function probeStsRegion(
  clients: AccountClients,
  region: string,
  signal?: AbortSignal,
): Promise<{ result: StsProbeResult; error?: unknown }> {
  const target = clients.target;
  if (!target) throw new Error("The STS regional probe needs an audit role to assume; base clients have none.");
  try {
    await clients.sts(region).send(
      new AssumeRoleCommand({
        RoleArn: target.roleArn,
        RoleSessionName: probeSessionName(target.accountId),
        ExternalId: target.externalId,
        DurationSeconds: SESSION_DURATION_SECONDS,
      }),
      { abortSignal: signal },
    );
    return { result: { region, status: "active" } };
  } catch (error) {
    const code = awsErrorCode(error);
    if (code === "RegionDisabledException") return { result: { region, status: "disabled" }, error };
    return { result: { region, status: "unknown", errorCode: code }, error };
  }
}

/** Distinct from the collection session, so the account's CloudTrail shows what each AssumeRole was for. */
function probeSessionName(accountId: string): string {
  return `iamfit-sts-probe-${accountId}`.slice(0, 64);
}
