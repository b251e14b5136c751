import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComplianceView } from "@/components/compliance/compliance-view";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guards";
import { CIS_AWS_FRAMEWORK } from "@/lib/compliance/cis-aws-v3";
import { loadCompliance } from "@/lib/compliance/load";
import { filterReport, parseComplianceStatus } from "@/lib/compliance/view-params";
import { getScorecardAccount } from "@/lib/db/account-scorecard";
import { accountHref } from "@/lib/scorecard/links";
import { parseAccountParam, type RawSearchParams } from "@/lib/scorecard/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ accountId: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `CIS AWS Foundations Benchmark · ${(await params).accountId}` };
}

export default async function AccountCompliancePage({ params, searchParams }: Props) {
  await requirePage("browse");
  const awsAccountId = parseAccountParam((await params).accountId);
  const account = awsAccountId ? await getScorecardAccount(awsAccountId) : undefined;
  if (!account) notFound();
  const status = parseComplianceStatus((await searchParams).status);
  const { report } = await loadCompliance({ account: { awsAccountId: account.awsAccountId, name: account.name }, baseUrl: "" });
  const pathname = `${accountHref(account.awsAccountId)}/compliance`;
  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link href={accountHref(account.awsAccountId)}>← {account.name}</Link>
            <span className="mx-2" aria-hidden="true">
              ·
            </span>
            <Link href="/compliance">Across all accounts</Link>
          </>
        }
        title={`CIS AWS Foundations Benchmark: ${account.name}`}
        description={
          <>
            Every control of the {CIS_AWS_FRAMEWORK.name} {CIS_AWS_FRAMEWORK.version} in identity and access management, S3 storage, logging and networking,
            judged from this account&apos;s current findings, with the resources that fail. Controls iamfit has no check for are listed as not assessed by iamfit.
          </>
        }
      />
      {report.accountsAssessed === 0 ? (
        <EmptyState title="Not assessed yet">{account.name} has no evaluation yet. Its controls get a status after its first successful collection.</EmptyState>
      ) : (
        <ComplianceView report={filterReport(report, status)} status={status} pathname={pathname} />
      )}
    </>
  );
}
