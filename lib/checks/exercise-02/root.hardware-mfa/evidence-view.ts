import { factsBlock, type EvidenceBlock } from "../../evidence/blocks";
import { describeCentralRootAccess } from "../../evidence/central-root-access-facts";
import { credentialFacts } from "../../evidence/credential-report-facts";
import type { RootHardwareMfaEvidence } from "./evidence";

const DEVICES_TITLE = "Virtual MFA devices assigned to the root user";

export function describeRootHardwareMfa(evidence: RootHardwareMfaEvidence): EvidenceBlock[] {
  const { centralRootAccess, rootVirtualMfaDevices, ...row } = evidence;
  const missingMfa = row.mfa_active !== true && centralRootAccess === undefined;
  const devices =
    rootVirtualMfaDevices === undefined
      ? []
      : [
          factsBlock(
            DEVICES_TITLE,
            rootVirtualMfaDevices.length > 0
              ? rootVirtualMfaDevices.map((serial) => ({ label: "Serial number", value: serial, verbatim: true, mark: true }))
              : [{ label: "Virtual devices", value: "none, so root's MFA device is a hardware device" }],
          ),
        ];
  return [
    factsBlock("Credential report", credentialFacts(row, missingMfa ? ["mfa_active"] : [])),
    ...devices,
    ...(centralRootAccess ? describeCentralRootAccess(centralRootAccess) : []),
  ];
}
