/**
 * Where each AWS sample response comes from: the "Examples" section of the operation's page in
 * the AWS API Reference, kept byte for byte (the docs' own typos and formatting included: they
 * are what a reader of the docs would copy, and what a parser must survive or refuse plainly).
 * The text was taken from copies of those pages in public repositories, named in `copiedFrom`.
 */
export interface AwsSample {
  /** Path under lib/aws/testing/aws-samples. */
  file: string;
  source: string;
  copiedFrom: string;
  /** Headers the page shows with the body (most pages show the body alone). */
  headers?: Record<string, string>;
}

const DOCS_MIRROR = "a public mirror of the AWS documentation in Markdown (\"All content copied from https://docs.aws.amazon.com/\")";

export const AWS_SAMPLES = {
  GetAccountAuthorizationDetails: {
    file: "iam/GetAccountAuthorizationDetails.xml",
    source: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html#API_GetAccountAuthorizationDetails_Examples",
    copiedFrom: DOCS_MIRROR,
  },
  GetAccountSummary: {
    file: "iam/GetAccountSummary.xml",
    source: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html#API_GetAccountSummary_Examples",
    copiedFrom: DOCS_MIRROR,
  },
  ListVirtualMFADevices: {
    file: "iam/ListVirtualMFADevices.xml",
    source: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html#API_ListVirtualMFADevices_Examples",
    copiedFrom: DOCS_MIRROR,
  },
  GetAccountPasswordPolicy: {
    file: "iam/GetAccountPasswordPolicy.xml",
    source: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html#API_GetAccountPasswordPolicy_Examples",
    copiedFrom: DOCS_MIRROR,
  },
  GetCredentialReport: {
    file: "iam/GetCredentialReport.xml",
    source: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetCredentialReport.html#API_GetCredentialReport_Examples",
    copiedFrom: DOCS_MIRROR,
  },
  GenerateCredentialReport: {
    file: "iam/GenerateCredentialReport.xml",
    source: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateCredentialReport.html#API_GenerateCredentialReport_Examples",
    copiedFrom: "erlcloud/erlcloud test/erlcloud_iam_tests.erl (GENERATE_CREDENTIAL_REPORT_RESP, quoting the page)",
  },
  AssumeRole: {
    file: "sts/AssumeRole.xml",
    source: "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_Examples",
    copiedFrom: DOCS_MIRROR,
  },
  DescribeRegions: {
    file: "ec2/DescribeRegions.xml",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html#API_DescribeRegions_Examples (Example 3)",
    copiedFrom: DOCS_MIRROR,
  },
  DescribeSecurityGroupsSshAccess: {
    file: "ec2/DescribeSecurityGroups.ssh-access.xml",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html#API_DescribeSecurityGroups_Examples (Example 3)",
    copiedFrom: DOCS_MIRROR,
  },
  DescribeSecurityGroupsDefaultGroup: {
    file: "ec2/DescribeSecurityGroups.default-group.xml",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html#API_DescribeSecurityGroups_Examples (Example 4)",
    copiedFrom: DOCS_MIRROR,
  },
  DescribeInstances: {
    file: "ec2/DescribeInstances.xml",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html#API_DescribeInstances_Examples",
    copiedFrom: "markhaskins ios-aws-console Ec2ServiceTests.swift (describeInstancesResponse, quoting the page)",
  },
  GetBucketAcl: {
    file: "s3/GetBucketAcl.xml",
    source: "https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAcl.html#API_GetBucketAcl_Examples",
    copiedFrom: DOCS_MIRROR,
    // The page's sample response is served as text/plain, headers and all.
    headers: { "content-type": "text/plain", "x-amz-request-id": "318BC8BC148832E5" },
  },
} as const satisfies Record<string, AwsSample>;

export type AwsSampleName = keyof typeof AWS_SAMPLES;
