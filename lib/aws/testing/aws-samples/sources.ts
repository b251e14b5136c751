/**
 * Where each AWS sample response comes from: the "Examples" section of the operation's page in
 * the AWS API Reference, kept byte for byte (the docs' own typos and formatting included: they
 * are what a reader of the docs would copy, and what a parser must survive or refuse plainly).
 * The older samples were taken from copies of those pages in public repositories, named in
 * `copiedFrom`. The later ones were written here from the page's text (`readVia` says how the
 * page was read); where the API Reference page has no example, the sample is the AWS CLI's or
 * the AWS SDK Code Library's documented output for the same operation (the wire format for JSON
 * protocols), or, where AWS documents no example at all, it is built from the page's Response
 * Syntax and says so in `note`.
 */
export interface AwsSample {
  /** Path under lib/aws/testing/aws-samples. */
  file: string;
  source: string;
  copiedFrom?: string;
  readVia?: string;
  /** What differs from the page, or why there is no page example. */
  note?: string;
  /** Headers the page shows with the body (most pages show the body alone). */
  headers?: Record<string, string>;
}

const JSON_1_1 = { "content-type": "application/x-amz-json-1.1" };
const SEARCH_EXCERPTS = "excerpts of the page (and of Markdown mirrors of it) found by documentation search; typed in here";

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
  GetBucketPolicy: {
    file: "s3/GetBucketPolicy.json",
    source: "https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html#API_GetBucketPolicy_Examples",
    readVia: SEARCH_EXCERPTS,
    note: "The page's bucket is named `bucket`; the sample is served for the bucket of our ListBuckets answer, its Resource left as the page has it.",
    headers: { "x-amz-id-2": "Uuag1LuByru9pO4SAMPLEAtRPfTaOFg==", "x-amz-request-id": "656c76696e67SAMPLE57374", server: "AmazonS3" },
  },
  GetPublicAccessBlock: {
    file: "s3/GetPublicAccessBlock.xml",
    source: "https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetPublicAccessBlock.html#API_GetPublicAccessBlock_Examples",
    readVia: SEARCH_EXCERPTS,
    note: "The page writes the booleans in capitals (TRUE, FALSE), as S3 answers nowhere else; kept as documented.",
    headers: { "x-amz-request-id": "51991EXAMPLE5321", server: "AmazonS3" },
  },
  AccountGetPublicAccessBlock: {
    file: "s3control/GetPublicAccessBlock.xml",
    source: "https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetPublicAccessBlock.html#API_control_GetPublicAccessBlock_ResponseSyntax",
    readVia: SEARCH_EXCERPTS,
    note: "The S3 Control page has no example: built from its Response Syntax, every setting true.",
  },
  AccountGetPublicAccessBlockOptionalAbsent: {
    file: "s3control/GetPublicAccessBlock.optional-absent.xml",
    source: "https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PublicAccessBlockConfiguration.html",
    readVia: SEARCH_EXCERPTS,
    note: "Built from the Response Syntax with every member the data type marks \"Required: No\" (all four settings) left out.",
  },
  DescribeTrails: {
    file: "cloudtrail/DescribeTrails.json",
    source: "https://docs.aws.amazon.com/code-library/latest/ug/cloudtrail_example_cloudtrail_DescribeTrails_section.html",
    readVia: SEARCH_EXCERPTS,
    note: "The API Reference page (API_DescribeTrails) has no example; this is the AWS CLI output the SDK Code Library documents, which for JSON protocols is the response body.",
    headers: JSON_1_1,
  },
  GetTrailStatus: {
    file: "cloudtrail/GetTrailStatus.json",
    source: "https://docs.aws.amazon.com/code-library/latest/ug/cloudtrail_example_cloudtrail_GetTrailStatus_section.html",
    readVia: SEARCH_EXCERPTS,
    note: "The API Reference page (API_GetTrailStatus) has no example; this is the AWS CLI output for Trail1 the SDK Code Library documents (timestamps as epoch seconds, as on the wire).",
    headers: JSON_1_1,
  },
  DescribeAutoScalingGroups: {
    file: "autoscaling/DescribeAutoScalingGroups.xml",
    source: "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeAutoScalingGroups.html#API_DescribeAutoScalingGroups_Examples (Example 1)",
    readVia: SEARCH_EXCERPTS,
  },
  DescribeOrganization: {
    file: "organizations/DescribeOrganization.json",
    source: "https://docs.aws.amazon.com/cli/latest/reference/organizations/describe-organization.html#examples",
    readVia: SEARCH_EXCERPTS,
    note: "The API Reference page's example is the same organization; this is the AWS CLI Command Reference's output, which for JSON protocols is the response body.",
    headers: JSON_1_1,
  },
  ListParentsOfAccount: {
    file: "organizations/ListParents.account.json",
    source: "https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListParents.html#API_ListParents_ResponseSyntax",
    readVia: SEARCH_EXCERPTS,
    note: "No example was found for ListParents: built from the Response Syntax, naming the OU of the DescribeOrganizationalUnit sample.",
    headers: JSON_1_1,
  },
  ListParentsOfOrganizationalUnit: {
    file: "organizations/ListParents.organizational-unit.json",
    source: "https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListParents.html#API_ListParents_ResponseSyntax",
    readVia: SEARCH_EXCERPTS,
    note: "Built from the Response Syntax: the OU's parent is the root (the root id follows the examples' pattern r-examplerootid111).",
    headers: JSON_1_1,
  },
  ListParentsOptionalAbsent: {
    file: "organizations/ListParents.optional-absent.json",
    source: "https://docs.aws.amazon.com/organizations/latest/APIReference/API_Parent.html",
    readVia: SEARCH_EXCERPTS,
    note: "Built from the Response Syntax with every member of Parent (Id, Type: both \"Required: No\") left out.",
    headers: JSON_1_1,
  },
  ListPoliciesForTarget: {
    file: "organizations/ListPoliciesForTarget.json",
    source: "https://docs.aws.amazon.com/cli/latest/reference/organizations/list-policies-for-target.html#examples",
    readVia: SEARCH_EXCERPTS,
    note: "Kept with the example's typo (`\"AwsManaged\", false,` is not JSON), as a reader of the page would copy it.",
    headers: JSON_1_1,
  },
  ListPoliciesForTargetCorrected: {
    file: "organizations/ListPoliciesForTarget.corrected.json",
    source: "https://docs.aws.amazon.com/cli/latest/reference/organizations/list-policies-for-target.html#examples",
    readVia: SEARCH_EXCERPTS,
    note: "The same example with its one typo corrected (`\"AwsManaged\": false,`); nothing else changed.",
    headers: JSON_1_1,
  },
  DescribePolicy: {
    file: "organizations/DescribePolicy.json",
    source: "https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribePolicy.html#API_DescribePolicy_ResponseSyntax",
    readVia: SEARCH_EXCERPTS,
    note: "No example was found for DescribePolicy: built from the Response Syntax for the policy of the ListPoliciesForTarget sample; its Content (allow every EC2 action) is ours, written to match the policy's documented name and description.",
    headers: JSON_1_1,
  },
  DescribePolicyOptionalAbsent: {
    file: "organizations/DescribePolicy.optional-absent.json",
    source: "https://docs.aws.amazon.com/organizations/latest/APIReference/API_Policy.html",
    readVia: SEARCH_EXCERPTS,
    note: "Built from the Response Syntax with every member of Policy (Content, PolicySummary: both \"Required: No\") left out.",
    headers: JSON_1_1,
  },
  DescribeOrganizationalUnit: {
    file: "organizations/DescribeOrganizationalUnit.json",
    source: "https://docs.aws.amazon.com/cli/latest/reference/organizations/describe-organizational-unit.html#examples",
    readVia: SEARCH_EXCERPTS,
    headers: JSON_1_1,
  },
} as const satisfies Record<string, AwsSample>;

export type AwsSampleName = keyof typeof AWS_SAMPLES;
