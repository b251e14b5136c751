/**
 * Exercise 2, "Enable MFA Tokens Everywhere": the root user's MFA is a hardware device (CIS 1.6).
 * A virtual MFA device assigned to the root ARN means virtual; with MFA on and none assigned to
 * root, the device is hardware.
 */
import { isTrue } from "../../credential-report";
import { rootHasNoCredentials } from "../../central-root-access";
import { defineCheck } from "../../define-check";
import { unknownForAccount } from "../../findings";
import { globalPart } from "../../part-access";
import { credentialLessRootFinding, readRootRow, rootFinding } from "../../root-user";
import { describeRootHardwareMfa } from "./evidence-view";
import { rootHardwareMfaEvidenceSchema } from "./evidence";
import { hardwareRootMfaSteps } from "./remediation";

export const rootHardwareMfa = defineCheck({
  id: "root.hardware-mfa",
  exercise: 2,
  title: "The root user's MFA is a hardware device",
  severity: "medium",
  cis: ["1.6"],
  why: "A virtual MFA lives on a phone that is also used for mail and apps; a dedicated hardware device kept in a safe is harder to steal together with the password.",
  evidence: rootHardwareMfaEvidenceSchema,
  describeEvidence: describeRootHardwareMfa,
  remediation: hardwareRootMfaSteps,
  evaluate(snapshot, _thresholds, check) {
    const root = readRootRow(snapshot);
    if (!("row" in root)) return [unknownForAccount(check, snapshot, [root.unavailable])];
    const { row } = root;
    const rowFacts = {
      user: row.user,
      arn: row.arn,
      mfa_active: row.mfa_active,
      password_last_used: row.password_last_used,
      access_key_1_active: row.access_key_1_active,
      access_key_2_active: row.access_key_2_active,
    };
    if (rootHasNoCredentials(snapshot, row)) return [credentialLessRootFinding(check, snapshot, rowFacts)];
    if (!isTrue(row.mfa_active)) {
      return [rootFinding(check, snapshot, { status: "fail", evidence: rowFacts, reason: "The root user has no MFA device at all." })];
    }
    const devices = globalPart(snapshot, "iam.virtualMfaDevices");
    if (!devices.available) return [unknownForAccount(check, snapshot, [devices.unavailable])];
    const virtual = devices.data.filter((device) => device.userArn === row.arn).map((device) => device.serialNumber).sort();
    return [
      rootFinding(check, snapshot, {
        status: virtual.length > 0 ? "fail" : "pass",
        evidence: { ...rowFacts, rootVirtualMfaDevices: virtual },
        reason: virtual.length > 0 ? `The root user's MFA is a virtual device (${virtual.join(", ")}).` : "The root user's MFA is not a virtual device, so it is a hardware device.",
      }),
    ];
  },
});
