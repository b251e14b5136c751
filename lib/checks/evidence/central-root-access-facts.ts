/**
 * The organization's answer about centralized root access, in words. Shown on root findings of a
 * root user without credentials: it is what decides whether such a root is safe.
 */
import { isManagedCentrally, type CentralRootAccessEvidence } from "../central-root-access";
import { factsBlock, type EvidenceBlock } from "./blocks";
import { describeUnknownEvidence } from "./unknown";

const TITLE = "Centralized root access";
const MANAGED = "Root credentials managed centrally";

export function describeCentralRootAccess(evidence: CentralRootAccessEvidence): EvidenceBlock[] {
  if ("part" in evidence) {
    return [
      factsBlock(TITLE, [{ label: MANAGED, value: "unknown: the organization's root access features could not be read", mark: true }]),
      ...(describeUnknownEvidence({ unavailable: [evidence] }, () => undefined) ?? []),
    ];
  }
  switch (evidence.answer) {
    case "not_available":
      return [
        factsBlock(TITLE, [
          { label: MANAGED, value: "no: centralized root access is not available to this account", mark: true },
          { label: "AWS answered", value: evidence.code, verbatim: true },
        ]),
      ];
    case "read_here":
      return [
        factsBlock(TITLE, [
          { label: "Organization", value: evidence.organizationId, verbatim: true },
          { label: "Features enabled", value: evidence.enabledFeatures.join(", ") || "none", verbatim: evidence.enabledFeatures.length > 0 },
          {
            label: MANAGED,
            value: "cannot tell: this account reads the features itself, so it is the management account (whose own root is never managed centrally) or the delegated administrator",
            mark: true,
          },
        ]),
      ];
    case "member_account": {
      if (!("readInAccountId" in evidence)) {
        return [
          factsBlock(TITLE, [
            {
              label: MANAGED,
              value: "unknown: no account that can read the organization's root access features (its management account or delegated administrator) has been collected yet",
              mark: true,
            },
          ]),
        ];
      }
      const managed = isManagedCentrally(evidence);
      return [
        factsBlock(TITLE, [
          { label: "Organization", value: evidence.organizationId, verbatim: true },
          { label: MANAGED, value: managed ? "yes" : "no", mark: !managed },
          { label: "Features enabled", value: evidence.enabledFeatures.join(", ") || "none", verbatim: evidence.enabledFeatures.length > 0 },
          { label: "Read in account", value: evidence.readInAccountId, verbatim: true },
        ]),
      ];
    }
  }
}
