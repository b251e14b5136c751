import { factsBlock, noteBlock, type EvidenceBlock } from "../../evidence/blocks";
import { BLOCK_SETTINGS } from "../../s3-buckets";
import type { AccountBlockEvidence } from "./evidence";

export function describeAccountBlock(evidence: AccountBlockEvidence): EvidenceBlock[] {
  const { configuration } = evidence;
  const settings = factsBlock(
    "Account-level Block Public Access",
    BLOCK_SETTINGS.map(({ setting, words }) => {
      const on = configuration?.[setting] ?? false;
      return { label: words, value: on ? "yes" : configuration ? "no" : "no (not configured)", mark: !on };
    }),
  );
  return configuration ? [settings] : [settings, noteBlock("The account has no Block Public Access configuration, so all four settings are off.")];
}
