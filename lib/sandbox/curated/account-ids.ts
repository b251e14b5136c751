/**
 * Ids of the curated accounts. Fixed across seeds so demos, docs and tests can name them;
 * all are below 200000000000, the range generated accounts start at, so they never collide.
 * One starts with 0 on purpose: account ids are 12-character strings, not numbers.
 */
export const CURATED_ACCOUNT_IDS = {
  securityTooling: "024917360188",
  orgManagement: "118846201937",
  prodPayments: "102155893416",
  legacyMonolith: "189012374650",
  devExperiments: "163470298815",
  dataLake: "147362018574",
  partnerIntegration: "136684109327",
  mediaStreaming: "115093827461",
  edgeNetwork: "178820613059",
  stagingWeb: "091735462880",
  sandboxPlayground: "120553718046",
} as const;

/** An account outside the organization that some roles trust (a vendor, a former partner); above the generated range. */
export const EXTERNAL_VENDOR_ACCOUNT_ID = "999988887777";
