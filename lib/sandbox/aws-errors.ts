/**
 * AWS-shaped errors, built as the SDK's own deserializer builds them (checked by feeding real
 * error responses through the clients): the modeled exception class where the client exports
 * one (NoSuchEntityException for IAM's NoSuchEntity), otherwise the service's base exception
 * with `name` = the AWS code; `Code` as AWS sent it for query/XML protocols; `$fault`;
 * `$metadata.httpStatusCode`; `$retryable.throttling` on throttling so the SDK's retry
 * strategy backs off exactly as it does against AWS.
 */
import { AccessAnalyzerServiceException, AccessDeniedException as AnalyzerAccessDenied, InternalServerException, ThrottlingException as AnalyzerThrottling } from "@aws-sdk/client-accessanalyzer";
import { AutoScalingServiceException } from "@aws-sdk/client-auto-scaling";
import { CloudTrailServiceException, ThrottlingException as CloudTrailThrottling, TrailNotFoundException } from "@aws-sdk/client-cloudtrail";
import { EC2ServiceException } from "@aws-sdk/client-ec2";
import {
  AccountNotManagementOrDelegatedAdministratorException,
  CredentialReportNotPresentException,
  CredentialReportNotReadyException,
  IAMServiceException,
  NoSuchEntityException,
  ServiceFailureException,
} from "@aws-sdk/client-iam";
import { OrganizationsServiceException, TooManyRequestsException as OrganizationsTooManyRequests } from "@aws-sdk/client-organizations";
import { AccessDenied as S3AccessDenied, NoSuchBucket, S3ServiceException } from "@aws-sdk/client-s3";
import { NoSuchPublicAccessBlockConfiguration, S3ControlServiceException } from "@aws-sdk/client-s3-control";
import { ExpiredTokenException, RegionDisabledException, STSServiceException } from "@aws-sdk/client-sts";
import {
  AccessDeniedException as IdentityStoreAccessDenied,
  IdentitystoreServiceException,
  ThrottlingException as IdentityStoreThrottling,
} from "@aws-sdk/client-identitystore";
import {
  AccessDeniedException as SsoAdminAccessDenied,
  ResourceNotFoundException as SsoAdminResourceNotFound,
  SSOAdminServiceException,
  ThrottlingException as SsoAdminThrottling,
} from "@aws-sdk/client-sso-admin";
import type { ResponseMetadata } from "@smithy/types";

export type SandboxService =
  | "iam"
  | "sts"
  | "ec2"
  | "autoscaling"
  | "s3"
  | "s3control"
  | "cloudtrail"
  | "accessanalyzer"
  | "organizations"
  | "sso-admin"
  | "identitystore";

type BaseExceptionClass = new (options: { name: string; $fault: "client" | "server"; $metadata: ResponseMetadata; message?: string }) => Error;
type ModeledExceptionClass = new (options: { $metadata: ResponseMetadata; message: string }) => Error;

const BASE_EXCEPTIONS: Record<SandboxService, BaseExceptionClass> = {
  iam: IAMServiceException as unknown as BaseExceptionClass,
  sts: STSServiceException as unknown as BaseExceptionClass,
  ec2: EC2ServiceException as unknown as BaseExceptionClass,
  autoscaling: AutoScalingServiceException as unknown as BaseExceptionClass,
  s3: S3ServiceException as unknown as BaseExceptionClass,
  s3control: S3ControlServiceException as unknown as BaseExceptionClass,
  cloudtrail: CloudTrailServiceException as unknown as BaseExceptionClass,
  accessanalyzer: AccessAnalyzerServiceException as unknown as BaseExceptionClass,
  organizations: OrganizationsServiceException as unknown as BaseExceptionClass,
  "sso-admin": SSOAdminServiceException as unknown as BaseExceptionClass,
  identitystore: IdentitystoreServiceException as unknown as BaseExceptionClass,
};

/** Wire code → modeled class, per service. The class name may differ from the code (query protocols). */
const MODELED_EXCEPTIONS: Partial<Record<SandboxService, Record<string, unknown>>> = {
  iam: {
    NoSuchEntity: NoSuchEntityException,
    ReportNotPresent: CredentialReportNotPresentException,
    ReportInProgress: CredentialReportNotReadyException,
    ServiceFailure: ServiceFailureException,
    AccountNotManagementOrDelegatedAdministratorException,
  },
  sts: { RegionDisabledException, ExpiredTokenException },
  s3: { AccessDenied: S3AccessDenied, NoSuchBucket },
  s3control: { NoSuchPublicAccessBlockConfiguration },
  cloudtrail: { ThrottlingException: CloudTrailThrottling, TrailNotFoundException },
  accessanalyzer: { ThrottlingException: AnalyzerThrottling, AccessDeniedException: AnalyzerAccessDenied, InternalServerException },
  organizations: { TooManyRequestsException: OrganizationsTooManyRequests },
  "sso-admin": { ThrottlingException: SsoAdminThrottling, AccessDeniedException: SsoAdminAccessDenied, ResourceNotFoundException: SsoAdminResourceNotFound },
  identitystore: { ThrottlingException: IdentityStoreThrottling, AccessDeniedException: IdentityStoreAccessDenied },
};

/** Query and XML protocols carry the wire code in `Code` next to the class name; JSON ones do not. */
const CODE_PROPERTY_SERVICES = new Set<SandboxService>(["iam", "sts", "ec2", "autoscaling", "s3", "s3control"]);
/** Query protocols also carry Type: Sender (client) or Receiver (server). */
const TYPE_PROPERTY_SERVICES = new Set<SandboxService>(["iam", "sts", "autoscaling"]);

export interface AwsErrorSpec {
  service: SandboxService;
  code: string;
  message: string;
  httpStatus: number;
  requestId: string;
  throttling?: boolean;
  /** Extra response headers (S3's x-amz-bucket-region on a redirect). */
  headers?: Record<string, string>;
}

export function awsError(spec: AwsErrorSpec): Error {
  const $metadata: ResponseMetadata = {
    httpStatusCode: spec.httpStatus,
    requestId: spec.requestId,
    extendedRequestId: undefined,
    cfId: undefined,
  };
  const $fault = spec.httpStatus >= 500 ? "server" : "client";
  const Modeled = MODELED_EXCEPTIONS[spec.service]?.[spec.code] as ModeledExceptionClass | undefined;
  const error = Modeled
    ? new Modeled({ $metadata, message: spec.message })
    : new BASE_EXCEPTIONS[spec.service]({ name: spec.code, $fault, $metadata, message: spec.message });
  const extra: Record<string, unknown> = {
    $retryable: spec.throttling ? { throttling: true } : undefined,
    $response: {
      statusCode: spec.httpStatus,
      headers: { "x-amzn-requestid": spec.requestId, ...spec.headers },
      body: new Uint8Array(0),
    },
  };
  if (CODE_PROPERTY_SERVICES.has(spec.service)) extra.Code = spec.code;
  if (TYPE_PROPERTY_SERVICES.has(spec.service)) extra.Type = $fault === "server" ? "Receiver" : "Sender";
  return Object.assign(error, extra);
}

type ErrorTemplate = Pick<AwsErrorSpec, "code" | "httpStatus"> & { message: string; throttling?: boolean };

const THROTTLE: Record<SandboxService, ErrorTemplate> = {
  iam: { code: "Throttling", httpStatus: 400, message: "Rate exceeded", throttling: true },
  sts: { code: "Throttling", httpStatus: 400, message: "Rate exceeded", throttling: true },
  autoscaling: { code: "Throttling", httpStatus: 400, message: "Rate exceeded", throttling: true },
  ec2: { code: "RequestLimitExceeded", httpStatus: 503, message: "Request limit exceeded.", throttling: true },
  s3: { code: "SlowDown", httpStatus: 503, message: "Please reduce your request rate.", throttling: true },
  s3control: { code: "SlowDown", httpStatus: 503, message: "Please reduce your request rate.", throttling: true },
  cloudtrail: { code: "ThrottlingException", httpStatus: 400, message: "Rate exceeded", throttling: true },
  accessanalyzer: { code: "ThrottlingException", httpStatus: 429, message: "Rate exceeded", throttling: true },
  organizations: { code: "TooManyRequestsException", httpStatus: 400, message: "AWS Organizations can't complete your request because another request is already in progress. Try again later.", throttling: true },
  "sso-admin": { code: "ThrottlingException", httpStatus: 400, message: "Rate exceeded", throttling: true },
  identitystore: { code: "ThrottlingException", httpStatus: 400, message: "Rate exceeded", throttling: true },
};

const INTERNAL: Record<SandboxService, ErrorTemplate> = {
  iam: { code: "ServiceFailure", httpStatus: 500, message: "The request processing has failed because of an unknown error, exception or failure." },
  sts: { code: "InternalFailure", httpStatus: 500, message: "The request processing has failed because of an unknown error, exception or failure." },
  autoscaling: { code: "InternalFailure", httpStatus: 500, message: "An internal error occurred." },
  ec2: { code: "InternalError", httpStatus: 500, message: "An internal error has occurred" },
  s3: { code: "InternalError", httpStatus: 500, message: "We encountered an internal error. Please try again." },
  s3control: { code: "InternalError", httpStatus: 500, message: "We encountered an internal error. Please try again." },
  cloudtrail: { code: "InternalFailure", httpStatus: 500, message: "The request processing has failed because of an unknown error." },
  accessanalyzer: { code: "InternalServerException", httpStatus: 500, message: "Internal server error" },
  organizations: { code: "ServiceException", httpStatus: 500, message: "AWS Organizations can't complete your request because of an internal service error." },
  "sso-admin": { code: "InternalServerException", httpStatus: 500, message: "An unexpected error occurred." },
  identitystore: { code: "InternalServerException", httpStatus: 500, message: "An unexpected error occurred." },
};

/** What each service answers for credentials it does not recognise (also: a region the account has not enabled). */
const INVALID_CREDENTIALS: Record<SandboxService, ErrorTemplate> = {
  iam: { code: "InvalidClientTokenId", httpStatus: 403, message: "The security token included in the request is invalid." },
  sts: { code: "InvalidClientTokenId", httpStatus: 403, message: "The security token included in the request is invalid." },
  autoscaling: { code: "InvalidClientTokenId", httpStatus: 403, message: "The security token included in the request is invalid." },
  ec2: { code: "AuthFailure", httpStatus: 401, message: "AWS was not able to validate the provided access credentials" },
  s3: { code: "InvalidAccessKeyId", httpStatus: 403, message: "The AWS Access Key Id you provided does not exist in our records." },
  s3control: { code: "InvalidAccessKeyId", httpStatus: 403, message: "The AWS Access Key Id you provided does not exist in our records." },
  cloudtrail: { code: "UnrecognizedClientException", httpStatus: 400, message: "The security token included in the request is invalid." },
  accessanalyzer: { code: "UnrecognizedClientException", httpStatus: 403, message: "The security token included in the request is invalid." },
  organizations: { code: "UnrecognizedClientException", httpStatus: 400, message: "The security token included in the request is invalid." },
  "sso-admin": { code: "UnrecognizedClientException", httpStatus: 400, message: "The security token included in the request is invalid." },
  identitystore: { code: "UnrecognizedClientException", httpStatus: 400, message: "The security token included in the request is invalid." },
};

function fromTemplate(service: SandboxService, template: ErrorTemplate, requestId: string, message = template.message): Error {
  return awsError({ service, requestId, ...template, message });
}

export function throttlingError(service: SandboxService, requestId: string): Error {
  return fromTemplate(service, THROTTLE[service], requestId);
}

export function internalError(service: SandboxService, requestId: string): Error {
  return fromTemplate(service, INTERNAL[service], requestId);
}

export function invalidCredentialsError(service: SandboxService, requestId: string): Error {
  return fromTemplate(service, INVALID_CREDENTIALS[service], requestId);
}

export function expiredTokenError(service: SandboxService, requestId: string): Error {
  const code = service === "sts" ? "ExpiredTokenException" : "ExpiredToken";
  return awsError({ service, code, httpStatus: 400, requestId, message: "The security token included in the request is expired" });
}

/** AWS's access-denied message names the caller and the action. */
export function accessDeniedError(service: SandboxService, requestId: string, callerArn: string, action: string, resource = "*"): Error {
  const denied = `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`;
  switch (service) {
    case "ec2":
      return awsError({ service, code: "UnauthorizedOperation", httpStatus: 403, requestId, message: `You are not authorized to perform this operation. ${denied} because no identity-based policy allows the ${action} action` });
    case "s3":
    case "s3control":
      return awsError({ service, code: "AccessDenied", httpStatus: 403, requestId, message: "Access Denied" });
    case "cloudtrail":
    case "accessanalyzer":
    case "organizations":
    case "sso-admin":
    case "identitystore":
      return awsError({ service, code: "AccessDeniedException", httpStatus: 403, requestId, message: denied });
    default:
      return awsError({ service, code: "AccessDenied", httpStatus: 403, requestId, message: denied });
  }
}

/** STS's own wording (STS API reference, RegionDisabledException). */
export function regionDisabledError(requestId: string, accountId: string): Error {
  return awsError({
    service: "sts",
    code: "RegionDisabledException",
    httpStatus: 403,
    requestId,
    message: `STS is not activated in this region for account:${accountId}. Your account administrator can activate STS in this region using the IAM Console.`,
  });
}

/** The Node HTTP handler's timeout error (name TimeoutError: the SDK retries it as transient). */
export function timeoutError(api: string): Error {
  return Object.assign(new Error(`iamfit sandbox: ${api} timed out (injected fault)`), { name: "TimeoutError", code: "ETIMEDOUT" });
}

/** What the SDK's HTTP handlers throw when the request's abort signal fires. */
export function abortError(): Error {
  return Object.assign(new Error("Request aborted"), { name: "AbortError" });
}
