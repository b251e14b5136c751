/**
 * AWS Organizations: DescribeOrganization (any member) and ListAccounts (management account or
 * delegated administrator). ListAccounts reads account summaries only, so listing 1,000
 * generated accounts builds none of them.
 */
import type { Account, DescribeOrganizationResponse, ListAccountsRequest, ListAccountsResponse } from "@aws-sdk/client-organizations";
import { accessDeniedError, awsError } from "@/lib/sandbox/aws-errors";
import { decodePageToken, pageOf, pageSizeOf } from "@/lib/sandbox/pagination";
import { hashParts } from "@/lib/sandbox/prng";
import { inputOf, type Handler, type SandboxCall } from "@/lib/sandbox/handlers/types";

/** ListAccounts MaxResults: 1–20 (Organizations API reference). */
const ACCOUNTS_PAGE = { default: 20, max: 20 };
const DAY_MS = 86_400_000;

function organizationArn(call: SandboxCall): string {
  const { managementAccountId, organizationId } = call.internals.facts;
  return `arn:aws:organizations::${managementAccountId}:organization/${organizationId}`;
}

const describeOrganization: Handler = (call): DescribeOrganizationResponse => {
  const { managementAccountId, organizationId } = call.internals.facts;
  const management = call.internals.summary(managementAccountId);
  return {
    Organization: {
      Id: organizationId,
      Arn: organizationArn(call),
      FeatureSet: "ALL",
      MasterAccountArn: `arn:aws:organizations::${managementAccountId}:account/${organizationId}/${managementAccountId}`,
      MasterAccountId: managementAccountId,
      MasterAccountEmail: management?.email,
    },
  };
};

const listAccounts: Handler = (call): ListAccountsResponse => {
  const { managementAccountId, baseAccountId, organizationId, today } = call.internals.facts;
  if (call.caller.accountId !== managementAccountId && call.caller.accountId !== baseAccountId) {
    throw accessDeniedError("organizations", call.requestId, call.caller.arn, "organizations:ListAccounts");
  }
  const input = inputOf<ListAccountsRequest>(call);
  const offset = decodePageToken("ListAccounts", input.NextToken);
  if (offset === undefined) {
    throw awsError({ service: "organizations", code: "InvalidInputException", httpStatus: 400, requestId: call.requestId, message: "You specified an invalid value for nextToken." });
  }
  const summaries = call.world.accounts();
  const page = pageOf("ListAccounts", summaries, offset, pageSizeOf(input.MaxResults, ACCOUNTS_PAGE));
  const accounts: Account[] = page.items.map((summary) => ({
    Id: summary.accountId,
    Arn: `arn:aws:organizations::${managementAccountId}:account/${organizationId}/${summary.accountId}`,
    Email: summary.email,
    Name: summary.name,
    Status: "ACTIVE",
    State: "ACTIVE",
    JoinedMethod: summary.accountId === managementAccountId ? "CREATED" : "INVITED",
    JoinedTimestamp: new Date(today.getTime() - (30 + (hashParts(call.world.seed, summary.accountId) % 2000)) * DAY_MS),
  }));
  return { Accounts: accounts, NextToken: page.nextToken };
};

export const organizationsHandlers: Record<string, Handler> = {
  DescribeOrganization: describeOrganization,
  ListAccounts: listAccounts,
};
