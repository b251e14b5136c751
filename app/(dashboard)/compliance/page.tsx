import type { Metadata } from "next";
import { ComplianceView } from "@/components/compliance/compliance-view";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guards";
import { CIS_AWS_FRAMEWORK } from "@/lib/compliance/cis-aws-v3";
import { loadCompliance } from "@/lib/compliance/load";
import { filterReport, parseComplianceStatus } from "@/lib/compliance/view-params";
import type { RawSearchParams } from "@/lib/scorecard/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "CIS AWS Foundations Benchmark" };

export default async function CompliancePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePage("browse");
  const status = parseComplianceStatus((await searchParams).status);
  const { report } = await loadCompliance({ baseUrl: "" });
  const assessed = report.accountsAssessed;
  return (
    <>
      <PageHeader
        title="CIS AWS Foundations Benchmark"
        description={
          <>
            Every control of the {CIS_AWS_FRAMEWORK.name} {CIS_AWS_FRAMEWORK.version} in identity and access management, S3 storage, logging and networking,
            judged from the current findings of {assessed} assessed account{assessed === 1 ? "" : "s"}. A control fails when it fails in any account; controls iamfit
            has no check for are listed as not assessed by iamfit.
          </>
        }
      />
      {report.accountsNotYetAssessed > 0 ? (
        <Notice tone="info" className="mb-4">
          {report.accountsNotYetAssessed} linked account{report.accountsNotYetAssessed === 1 ? " has" : "s have"} no evaluation yet and {report.accountsNotYetAssessed === 1 ? "is" : "are"} not counted.
        </Notice>
      ) : null}
      {assessed === 0 ? (
        <EmptyState title="No account assessed yet">Controls get a status after the first successful collection of an account.</EmptyState>
      ) : (
        <ComplianceView report={filterReport(report, status)} status={status} pathname="/compliance" />
      )}
    </>
  );
}
