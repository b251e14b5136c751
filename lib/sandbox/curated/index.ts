/** The curated accounts, in the order listings show them. */
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";
import { dataLake } from "@/lib/sandbox/curated/data-lake";
import { devExperiments } from "@/lib/sandbox/curated/dev-experiments";
import { edgeNetwork } from "@/lib/sandbox/curated/edge-network";
import { legacyMonolith } from "@/lib/sandbox/curated/legacy-monolith";
import { mediaStreaming } from "@/lib/sandbox/curated/media-streaming";
import { orgManagement } from "@/lib/sandbox/curated/org-management";
import { partnerIntegration } from "@/lib/sandbox/curated/partner-integration";
import { prodPayments } from "@/lib/sandbox/curated/prod-payments";
import { sandboxPlayground } from "@/lib/sandbox/curated/sandbox-playground";
import { securityTooling } from "@/lib/sandbox/curated/security-tooling";
import { stagingWeb } from "@/lib/sandbox/curated/staging-web";

export const CURATED_ACCOUNTS: readonly CuratedAccountDefinition[] = [
  securityTooling,
  orgManagement,
  prodPayments,
  legacyMonolith,
  devExperiments,
  dataLake,
  partnerIntegration,
  mediaStreaming,
  edgeNetwork,
  stagingWeb,
  sandboxPlayground,
];

export { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
