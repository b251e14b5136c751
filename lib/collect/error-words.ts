/**
 * Error codes in a person's words. iamfit's own codes (the ones it invents when an answer is
 * incomplete, a worker stops, a collection is cancelled…) are internal names: every place that
 * shows a stored error shows these words instead. AWS's own codes (AccessDenied, Throttling…)
 * stay as AWS names them, since that is what a person finds in AWS's documentation and
 * CloudTrail, with an explanation beside them.
 */
import { isAccessDenied, isInvalidCredentials, isNetworkError, isRegionDisabled, isThrottling, UNREADABLE_RESPONSE } from "@/lib/aws/errors";

/**
 * Every code iamfit itself writes into a collection error, a part error or a not-readable
 * answer (lib/aws/collectors, lib/aws, lib/collect, lib/db). error-words.test.ts fails when a
 * producer uses a code that is not listed here.
 */
export const IAMFIT_ERROR_CODES = [
  "IncompleteEntry",
  "IncompleteResponse",
  UNREADABLE_RESPONSE,
  "InvalidResponse",
  "InvalidCredentialReport",
  "CredentialReportTimeout",
  "NotConfigured",
  "Aborted",
  "Cancelled",
  "TimedOut",
  "WorkerLost",
  "InternalError",
  "NothingToEvaluate",
  "UnknownError",
] as const;

export type IamfitErrorCode = (typeof IAMFIT_ERROR_CODES)[number];

interface Words {
  /** Short, for a table cell or a badge. */
  label: string;
  /** One or two sentences: what happened and whether anything needs doing. */
  explanation: string;
}

const IAMFIT_WORDS: Record<IamfitErrorCode, Words> = {
  IncompleteEntry: {
    label: "Entry left out",
    explanation: "AWS answered an entry without a detail iamfit needs to tell it apart, so that entry was left out; the rest was kept.",
  },
  IncompleteResponse: {
    label: "Incomplete answer",
    explanation: "AWS answered without a detail iamfit needs, so this part could not be judged.",
  },
  UnreadableResponse: {
    label: "Unreadable answer",
    explanation: "The answer could not be read (it was not the format AWS documents). The next collection asks again.",
  },
  InvalidResponse: {
    label: "Unusable answer",
    explanation: "The answer was readable but did not hold what AWS documents, so iamfit could not use it.",
  },
  InvalidCredentialReport: {
    label: "Unreadable credential report",
    explanation: "The IAM credential report could not be read, so the checks that need it are unknown.",
  },
  CredentialReportTimeout: {
    label: "Credential report not ready",
    explanation: "IAM did not finish the credential report in time. The next collection asks again.",
  },
  NotConfigured: {
    label: "Not set up",
    explanation: "iamfit was not set up to read this (for service control policies: the organization connection).",
  },
  Aborted: {
    label: "Cancelled before it ran",
    explanation: "The collection was cancelled before this part was read.",
  },
  Cancelled: {
    label: "Collection cancelled",
    explanation: "Someone cancelled the collection. What was collected before stays in earlier snapshots.",
  },
  TimedOut: {
    label: "Took too long",
    explanation: "The collection took longer than allowed and was stopped. It runs again on the next schedule.",
  },
  WorkerLost: {
    label: "Collection interrupted",
    explanation: "The worker collecting this account stopped (a restart or crash) before it finished. The next collection retries.",
  },
  InternalError: {
    label: "iamfit error",
    explanation: "iamfit hit an unexpected error. The server log has the details; try again.",
  },
  NothingToEvaluate: {
    label: "Nothing to evaluate",
    explanation: "This account has never been collected, so there is no snapshot to evaluate again.",
  },
  UnknownError: {
    label: "Unknown error",
    explanation: "The failure carried no error code; its message says what is known.",
  },
};

export interface ErrorWords {
  /** What a table or badge shows: iamfit's words, or AWS's own code. */
  label: string;
  explanation: string;
  /** The code is AWS's (or the network's) own, shown as it is named there. */
  fromAws: boolean;
}

function isIamfitCode(code: string): code is IamfitErrorCode {
  return (IAMFIT_ERROR_CODES as readonly string[]).includes(code);
}

function awsExplanation(code: string): string {
  if (isAccessDenied(code)) return "AWS refused the call: the audit role's policies, a permissions boundary or an SCP do not allow it.";
  if (isThrottling(code)) return "AWS asked iamfit to slow down (throttling). The next collection asks again.";
  if (isRegionDisabled(code)) return "The region is not enabled for this account, or STS is deactivated there.";
  if (isInvalidCredentials(code)) return "AWS did not accept the credentials iamfit signed with.";
  if (isNetworkError(code)) return "iamfit could not reach AWS over the network.";
  if (code === "ExpiredToken" || code === "ExpiredTokenException") return "The temporary credentials had expired.";
  return "AWS's own error code; the message beside it says what AWS reported.";
}

export function errorWords(code: string): ErrorWords {
  if (isIamfitCode(code)) return { ...IAMFIT_WORDS[code], fromAws: false };
  return { label: code, explanation: awsExplanation(code), fromAws: true };
}

/** The label alone, for sentences and lists. */
export function errorLabel(code: string): string {
  return errorWords(code).label;
}
