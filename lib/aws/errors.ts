/**
 * Turns whatever an AWS call threw into the CollectorError shown to users: the AWS error code,
 * the HTTP status and a message that says what to do. Messages never carry credentials.
 */
import type { CollectorError } from "@/lib/snapshot/schema";
import { iamActionFor, NOT_IN_SECURITY_AUDIT } from "./api-calls";

/** An error already classified by a collector (it knows which call failed and where). */
export class CollectorFailure extends Error {
  constructor(
    readonly collectorError: CollectorError,
    options?: { cause?: unknown },
  ) {
    super(collectorError.message, options);
    this.name = "CollectorFailure";
  }
}

const ACCESS_DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnauthorizedAccess",
  "AuthorizationError",
  "AuthorizationErrorException",
  "Forbidden",
]);

// The SDK's own list (THROTTLING_ERROR_CODES in @smithy/service-error-classification) plus S3's SlowDown.
const THROTTLING = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottledException",
  "RequestThrottled",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "TransactionInProgressException",
  "RequestLimitExceeded",
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "LimitExceeded", // IAM sends this Code for the class LimitExceededException
  "EC2ThrottledException",
  "PriorRequestNotComplete",
  "SlowDown",
]);

// RegionDisabledException: STS is deactivated in the region for the account asked to issue the
// credentials. OptInRequired: the region is an opt-in region the account has not enabled.
const REGION_DISABLED = new Set(["RegionDisabledException", "OptInRequired"]);

const INVALID_CREDENTIALS = new Set([
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "AuthFailure",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "InvalidToken",
]);

const EXPIRED = new Set(["ExpiredToken", "ExpiredTokenException", "RequestExpired", "RequestTimeTooSkewed"]);

const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "NetworkingError",
]);

export function isAccessDenied(code: string): boolean {
  return ACCESS_DENIED.has(code);
}
export function isThrottling(code: string): boolean {
  return THROTTLING.has(code);
}
export function isRegionDisabled(code: string): boolean {
  return REGION_DISABLED.has(code);
}
/**
 * AWS rejected the signature or token. In an opt-in region this is how a region that is being
 * disabled (or a token not valid there) shows up, so the caller decides with the region's status.
 */
export function isInvalidCredentials(code: string): boolean {
  return INVALID_CREDENTIALS.has(code);
}
export function isNetworkError(code: string): boolean {
  return NETWORK.has(code);
}

/**
 * The AWS error code: `Code` as AWS sent it (query protocols keep it beside the SDK's class
 * name, e.g. NoSuchEntity vs NoSuchEntityException), else the error's name, else a Node
 * transport code (ECONNREFUSED).
 */
export function awsErrorCode(error: unknown): string {
  if (typeof error !== "object" || error === null) return "UnknownError";
  const record = error as Record<string, unknown>;
  if (typeof record.Code === "string" && record.Code) return record.Code;
  const name = typeof record.name === "string" ? record.name : "";
  if (name && !GENERIC_ERROR_NAMES.has(name)) return name;
  if (typeof record.code === "string" && record.code) return record.code;
  const cause = record.cause;
  if (cause && cause !== error) {
    const causeCode = awsErrorCode(cause);
    if (causeCode !== "UnknownError") return causeCode;
  }
  return "UnknownError";
}
const GENERIC_ERROR_NAMES = new Set(["Error", "AggregateError", "TypeError", "RangeError", "SyntaxError"]);

/**
 * True when the error carries one of the codes, as AWS sent it or as the SDK names its class
 * ("NoSuchEntity" matches NoSuchEntityException too).
 */
export function hasErrorCode(error: unknown, ...codes: string[]): boolean {
  if (typeof error !== "object" || error === null) return false;
  const record = error as Record<string, unknown>;
  const seen = [record.Code, record.name].filter((value): value is string => typeof value === "string");
  return codes.some((code) => seen.includes(code) || seen.includes(`${code}Exception`));
}

/**
 * Whether an error came from AWS, the SDK or the network (and so has a code worth showing), as
 * opposed to a bug in iamfit (a TypeError thrown while mapping a response).
 */
export function isAwsError(error: unknown): boolean {
  if (error instanceof CollectorFailure) return true;
  if (typeof error !== "object" || error === null) return false;
  const record = error as Record<string, unknown>;
  if ("$metadata" in record || "$fault" in record || typeof record.Code === "string" || typeof record.code === "string") {
    return true;
  }
  return typeof record.name === "string" && !GENERIC_ERROR_NAMES.has(record.name);
}

/** The code of an answer the SDK could not read as its protocol's XML or JSON (see unreadableResponseOf). */
export const UNREADABLE_RESPONSE = "UnreadableResponse";

export function toCollectorError(error: unknown, api: string, region?: string): CollectorError {
  if (error instanceof CollectorFailure) return error.collectorError;
  const unreadable = unreadableResponseOf(error);
  if (unreadable) return unreadableResponseError(unreadable, api, region);
  const code = awsErrorCode(error);
  const httpStatus = httpStatusOf(error);
  const awsMessage = sanitizeMessage(messageOf(error));
  const explanation = explain(code, api, region);
  const said = awsMessage && awsMessage !== code ? ` AWS said: "${awsMessage}"` : "";
  return {
    api,
    code,
    message: `${explanation}${said}`,
    ...(region ? { region } : {}),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
  };
}

const NOT_IN_SECURITY_AUDIT_SET = new Set(NOT_IN_SECURITY_AUDIT);

function explain(code: string, api: string, region: string | undefined): string {
  const where = region ? ` in ${region}` : "";
  const action = iamActionFor(api);
  if (api === "sts:AssumeRole" && (isAccessDenied(code) || code === "InvalidIdentityToken")) {
    return (
      "iamfit's principal may not assume the audit role: check that the role's trust policy names " +
      "iamfit's principal and that its sts:ExternalId condition matches the ExternalId iamfit shows."
    );
  }
  if (isAccessDenied(code)) {
    return (
      `Access denied: the audit role may not call ${api}${where}. Allow ${action} ` +
      (NOT_IN_SECURITY_AUDIT_SET.has(action)
        ? "(the AWS managed policy SecurityAudit does not include it; iamfit's audit-role templates add it beside SecurityAudit)"
        : "(the AWS managed policy SecurityAudit includes it)") +
      " and check that no SCP or permissions boundary denies it."
    );
  }
  if (isThrottling(code)) {
    return (
      `AWS throttled ${api}${where} and the SDK's retries ran out. The next collection tries again; ` +
      "if it repeats, lower iamfit's concurrency limits or collect at a quieter time."
    );
  }
  if (code === "RegionDisabledException") {
    return `STS is not active${where} for this account, so ${api} cannot be answered there.`;
  }
  if (code === "OptInRequired") {
    return `${region ?? "This region"} is not enabled for this account (it is an opt-in region), so ${api} cannot be called there.`;
  }
  if (isInvalidCredentials(code)) {
    return (
      `AWS rejected the credentials for ${api}${where} (${code}). Check that iamfit's base credentials are ` +
      "valid and active; in an opt-in region this also happens while the region is being enabled or disabled."
    );
  }
  if (EXPIRED.has(code)) {
    return (
      `AWS refused ${api}${where} as expired (${code}). Requests are signed with this machine's clock: ` +
      "check that it is correct; an expired session is renewed on the next call."
    );
  }
  if (isNetworkError(code)) {
    return (
      `Could not reach AWS for ${api}${where} (${code}). Check network access and proxy settings from the ` +
      "iamfit host, and any AWS_ENDPOINT_URL* variables."
    );
  }
  if (code === "CredentialsProviderError") {
    return `iamfit found no usable AWS credentials for ${api}.`;
  }
  return `${api}${where} failed (${code}).`;
}

interface UnreadableResponse {
  httpStatus?: number;
  contentType?: string;
  excerpt?: string;
  /** What the SDK's parser said, without its hint about hidden fields. */
  parserMessage: string;
}

/**
 * The SDK's deserializer failed on the body (an XML or JSON parse error), so something other than
 * AWS answered: a proxy's or gateway's error page, a wrong AWS_ENDPOINT_URL. The SDK marks such an
 * error with the raw response ($response) but, unlike every AWS error, no $fault.
 */
function unreadableResponseOf(error: unknown): UnreadableResponse | undefined {
  if (typeof error !== "object" || error === null || !("$response" in error) || "$fault" in error) return undefined;
  const { $response, $responseBodyText } = error as {
    $response?: { headers?: Record<string, string>; body?: unknown };
    $responseBodyText?: unknown;
  };
  const headers = Object.fromEntries(Object.entries($response?.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const body = typeof $responseBodyText === "string" ? $responseBodyText : typeof $response?.body === "string" ? $response.body : undefined;
  const contentType = headers["content-type"]?.split(";")[0]?.trim();
  const parserMessage = sanitizeMessage(messageOf(error).replace(/\s*Deserialization error:[\s\S]*$/, "")).replace(/\.+$/, "");
  return {
    parserMessage,
    ...(httpStatusOf(error) !== undefined ? { httpStatus: httpStatusOf(error) } : {}),
    ...(contentType ? { contentType } : {}),
    ...(body ? { excerpt: excerptOf(body) } : {}),
  };
}

/** An HTML page's title, else its text, short: enough to recognise a gateway's "502 Bad Gateway". */
function excerptOf(body: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  const text = (title ?? body.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
  return sanitizeMessage(text.length > 120 ? `${text.slice(0, 119)}…` : text);
}

function unreadableResponseError(response: UnreadableResponse, api: string, region: string | undefined): CollectorError {
  const where = region ? ` in ${region}` : "";
  const what = [response.httpStatus !== undefined ? `HTTP ${response.httpStatus}` : undefined, response.contentType]
    .filter(Boolean)
    .join(", ");
  const excerpt = response.excerpt ? `: "${response.excerpt}"` : "";
  // An XML or JSON body the parser refused is the service's own answer gone wrong (malformed, or a
  // value of the wrong kind); anything else (an HTML page) came from something in between.
  const looksLikeAws = /xml|json/i.test(response.contentType ?? "");
  const message = looksLikeAws
    ? `${api}${where} answered with a body the AWS SDK cannot read (${what}): ${response.parserMessage || "unknown parser error"}. ` +
      "The next collection asks again; if it repeats, check the endpoint set in AWS_ENDPOINT_URL*, if any."
    : `${api}${where} was answered by something that is not AWS (${what || "a body that is neither AWS XML nor JSON"}${excerpt}). ` +
      "A proxy, a gateway or the endpoint set in AWS_ENDPOINT_URL* answered instead of the service: check them from the iamfit host.";
  return {
    api,
    code: UNREADABLE_RESPONSE,
    message,
    ...(region ? { region } : {}),
    ...(response.httpStatus !== undefined ? { httpStatus: response.httpStatus } : {}),
  };
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata;
  const status = metadata?.httpStatusCode;
  return typeof status === "number" && Number.isInteger(status) ? status : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null) {
    const message = (error as { message?: unknown; Message?: unknown }).message ?? (error as { Message?: unknown }).Message;
    if (typeof message === "string") return message;
  }
  return "";
}

const MAX_MESSAGE_LENGTH = 500;

/** Removes anything credential-like from an AWS message and bounds its length. */
export function sanitizeMessage(message: string): string {
  const cleaned = message
    .replace(/Encoded authorization failure message: \S+/g, "(encoded authorization message omitted; decode it with sts:DecodeAuthorizationMessage)")
    .replace(/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, "[access key id]")
    .replace(/[A-Za-z0-9+/=]{80,}/g, "[token omitted]")
    .replace(/(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]*\d)(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g, "[secret omitted]")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned.length > MAX_MESSAGE_LENGTH ? `${cleaned.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : cleaned;
}
