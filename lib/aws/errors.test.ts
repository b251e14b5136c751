import { CloudTrailClient, DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { DescribeSecurityGroupsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import {
  CollectorFailure,
  awsErrorCode,
  hasErrorCode,
  isAccessDenied,
  isAwsError,
  isInvalidCredentials,
  isNetworkError,
  isRegionDisabled,
  isThrottling,
  sanitizeMessage,
  toCollectorError,
} from "./errors";
import { rawResponseHandler } from "./testing/raw-response-handler";
import { awsError } from "./testing/stub-plugin";

describe("toCollectorError", () => {
  it.each([
    { code: "AccessDenied", status: 403, api: "iam:GetAccountSummary", says: "Allow iam:GetAccountSummary", predicate: isAccessDenied },
    { code: "AccessDeniedException", status: 403, api: "access-analyzer:ListAnalyzers", says: "SecurityAudit", predicate: isAccessDenied },
    { code: "UnauthorizedOperation", status: 403, api: "ec2:DescribeInstances", says: "Allow ec2:DescribeInstances", predicate: isAccessDenied },
    { code: "Throttling", status: 400, api: "iam:GetAccountAuthorizationDetails", says: "throttled", predicate: isThrottling },
    { code: "ThrottlingException", status: 400, api: "cloudtrail:DescribeTrails", says: "throttled", predicate: isThrottling },
    { code: "RequestLimitExceeded", status: 503, api: "ec2:DescribeRegions", says: "throttled", predicate: isThrottling },
    { code: "TooManyRequestsException", status: 429, api: "access-analyzer:ListAnalyzers", says: "throttled", predicate: isThrottling },
    { code: "RegionDisabledException", status: 403, api: "sts:AssumeRole", says: "STS is not active in ap-east-1", predicate: isRegionDisabled },
    { code: "OptInRequired", status: 401, api: "ec2:DescribeInstances", says: "ap-east-1 is not enabled", predicate: isRegionDisabled },
    { code: "InvalidClientTokenId", status: 403, api: "iam:GetAccountSummary", says: "rejected the credentials", predicate: isInvalidCredentials },
    { code: "AuthFailure", status: 401, api: "ec2:DescribeInstances", says: "rejected the credentials", predicate: isInvalidCredentials },
  ])("explains $code and keeps its code and HTTP status", ({ code, status, api, says, predicate }) => {
    const error = toCollectorError(awsError(code, { httpStatus: status, message: "from AWS" }), api, "ap-east-1");
    expect(error).toEqual({ api, code, message: expect.stringContaining(says), region: "ap-east-1", httpStatus: status });
    expect(error.message).toContain('AWS said: "from AWS"');
    expect(predicate(code)).toBe(true);
  });

  it("names the IAM action when it differs from the operation", () => {
    const error = toCollectorError(awsError("AccessDenied", { httpStatus: 403 }), "s3control:GetPublicAccessBlock");
    expect(error.message).toContain("Allow s3:GetAccountPublicAccessBlock");
  });

  it("does not send a denied Identity Center read to SecurityAudit, which lacks sso:Get*", () => {
    const denied = toCollectorError(awsError("AccessDeniedException", { httpStatus: 400 }), "sso:GetInlinePolicyForPermissionSet", "us-east-1");
    expect(denied.message).toContain("SecurityAudit does not include it");
    const listed = toCollectorError(awsError("AccessDeniedException", { httpStatus: 400 }), "sso:ListPermissionSets", "us-east-1");
    expect(listed.message).toContain("SecurityAudit includes it");
  });

  it("points AccessDenied on AssumeRole at the trust policy and ExternalId", () => {
    const error = toCollectorError(awsError("AccessDenied", { httpStatus: 403 }), "sts:AssumeRole", "us-east-1");
    expect(error.message).toMatch(/trust policy.*ExternalId/);
  });

  it("tells an expired token from a denied call and points at the clock", () => {
    const error = toCollectorError(awsError("ExpiredToken", { httpStatus: 400 }), "iam:GetAccountSummary");
    expect(error.code).toBe("ExpiredToken");
    expect(error.message).toContain("clock");
  });

  it.each(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT"])("reports the Node transport code %s without an HTTP status", (code) => {
    const error = toCollectorError(Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code }), "ec2:DescribeRegions");
    expect(error).toEqual({ api: "ec2:DescribeRegions", code, message: expect.stringContaining("Could not reach AWS") });
    expect(isNetworkError(code)).toBe(true);
  });

  it("recognises the SDK's TimeoutError by name", () => {
    const timeout = Object.assign(new Error("socket hang up"), { name: "TimeoutError" });
    expect(toCollectorError(timeout, "s3:ListBuckets").code).toBe("TimeoutError");
  });

  it("finds a transport code on an AggregateError's cause", () => {
    const inner = Object.assign(new Error("connect ECONNREFUSED ::1:443"), { code: "ECONNREFUSED" });
    const outer = new AggregateError([inner], "", { cause: inner });
    expect(awsErrorCode(outer)).toBe("ECONNREFUSED");
  });

  it("prefers the Code AWS sent over the SDK's class name", () => {
    const error = Object.assign(new Error("no policy"), { name: "NoSuchEntityException", Code: "NoSuchEntity" });
    expect(awsErrorCode(error)).toBe("NoSuchEntity");
    expect(hasErrorCode(error, "NoSuchEntity")).toBe(true);
    expect(hasErrorCode({ name: "NoSuchEntityException" }, "NoSuchEntity")).toBe(true);
    expect(hasErrorCode({ name: "NoSuchBucket" }, "NoSuchBucketPolicy")).toBe(false);
  });

  it.each([
    { thrown: new Error("boom"), code: "UnknownError" },
    { thrown: "a string", code: "UnknownError" },
    { thrown: undefined, code: "UnknownError" },
    { thrown: Object.assign(new Error("odd"), { name: "SomethingNew" }), code: "SomethingNew" },
  ])("reports unknown errors as $code with the operation", ({ thrown, code }) => {
    const error = toCollectorError(thrown, "iam:GetAccountSummary");
    expect(error.code).toBe(code);
    expect(error.message).toContain(`iam:GetAccountSummary failed (${code})`);
  });

  it("returns a collector's own classification unchanged", () => {
    const own = { api: "iam:GetCredentialReport", code: "CredentialReportTimeout", message: "waited" };
    expect(toCollectorError(new CollectorFailure(own), "something:Else")).toBe(own);
  });

  it("never repeats credentials that appear in an AWS message", () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const token = "IQoJb3JpZ2luX2VjE".padEnd(200, "Ab0");
    const error = toCollectorError(
      awsError("SignatureDoesNotMatch", { message: `key AKIAIOSFODNN7EXAMPLE secret ${secret} token ${token}` }),
      "iam:GetAccountSummary",
    );
    expect(error.message).not.toContain("AKIAIOSFODNN7EXAMPLE");
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain(token.slice(0, 80));
    expect(error.message).toContain("[access key id]");
  });
});

describe("sanitizeMessage", () => {
  it("replaces an encoded authorization message with how to decode it, and bounds the length", () => {
    const cleaned = sanitizeMessage(`You are not authorized. Encoded authorization failure message: ${"x".repeat(900)}`);
    expect(cleaned).toContain("sts:DecodeAuthorizationMessage");
    expect(sanitizeMessage("word ".repeat(400)).length).toBeLessThanOrEqual(500);
  });

  it("keeps ARNs and ordinary words", () => {
    const message = "User: arn:aws:sts::111122223333:assumed-role/iamfit-audit/iamfit-111122223333 is not authorized";
    expect(sanitizeMessage(message)).toBe(message);
  });
});

describe("predicates", () => {
  it.each([
    ["AccessDenied", { denied: true, throttled: false, disabled: false }],
    ["Throttling", { denied: false, throttled: true, disabled: false }],
    ["LimitExceeded", { denied: false, throttled: true, disabled: false }],
    ["RegionDisabledException", { denied: false, throttled: false, disabled: true }],
    ["NoSuchEntity", { denied: false, throttled: false, disabled: false }],
  ])("%s", (code, expected) => {
    expect({ denied: isAccessDenied(code), throttled: isThrottling(code), disabled: isRegionDisabled(code) }).toEqual(expected);
  });
});

describe("isAwsError", () => {
  it.each([
    [awsError("AccessDenied"), true],
    [Object.assign(new Error("connect"), { code: "ECONNREFUSED" }), true],
    [Object.assign(new Error("slow"), { name: "TimeoutError" }), true],
    [new CollectorFailure({ api: "a:B", code: "C", message: "m" }), true],
    [new TypeError("Cannot read properties of undefined"), false],
    [new Error("plain"), false],
    ["a string", false],
  ])("%o → %s", (error, expected) => {
    expect(isAwsError(error)).toBe(expected);
  });
});

describe("an answer that is not AWS's", () => {
  const gatewayPage = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

  it.each([
    ["an XML service (EC2)", () => new EC2Client(clientConfig()).send(new DescribeSecurityGroupsCommand({})), "ec2:DescribeSecurityGroups"],
    ["a JSON service (CloudTrail)", () => new CloudTrailClient(clientConfig()).send(new DescribeTrailsCommand({})), "cloudtrail:DescribeTrails"],
  ])("from %s is one precise error: HTTP status, content type and the page's title", async (_kind, send, api) => {
    const caught = await send().catch((error: unknown) => error);
    expect(toCollectorError(caught, api, "eu-west-1")).toEqual({
      api,
      code: "UnreadableResponse",
      region: "eu-west-1",
      httpStatus: 500,
      message: expect.stringContaining(`${api} in eu-west-1 was answered by something that is not AWS (HTTP 500, text/html`),
    });
    expect(toCollectorError(caught, api, "eu-west-1").message).toContain("AWS_ENDPOINT_URL");
    expect(isAwsError(caught)).toBe(true);
  });

  it("quotes the title of an XML service's gateway page", async () => {
    const caught = await new EC2Client(clientConfig()).send(new DescribeSecurityGroupsCommand({})).catch((error: unknown) => error);
    expect(toCollectorError(caught, "ec2:DescribeSecurityGroups").message).toContain('(HTTP 500, text/html: "502 Bad Gateway")');
  });

  it("leaves AWS's own errors alone", async () => {
    const handler = rawResponseHandler({
      status: 403,
      headers: { "content-type": "text/xml" },
      body: "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>r</RequestID></Response>",
    });
    const caught = await new EC2Client({ ...clientConfig(), requestHandler: handler }).send(new DescribeSecurityGroupsCommand({})).catch((error: unknown) => error);
    expect(toCollectorError(caught, "ec2:DescribeSecurityGroups").code).toBe("UnauthorizedOperation");
  });

  function clientConfig() {
    return {
      region: "eu-west-1",
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
      maxAttempts: 1,
      requestHandler: rawResponseHandler({ status: 500, headers: { "content-type": "text/html" }, body: gatewayPage }),
    };
  }
});
