import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

/** The page of a collection the retention job removed: says what is no longer kept, and why. */
export function RemovedRunNotice({ runId, historyDays }: { runId: bigint; historyDays: number }) {
  return (
    <>
      <PageHeader eyebrow={<Link href="/runs">← Collections</Link>} title={`Collection #${runId.toString()}`} />
      <Notice tone="info" title="This collection is no longer kept">
        Collections older than {historyDays} days are removed, with their details. Each account&apos;s latest collection and current
        scorecard are always kept.
      </Notice>
    </>
  );
}
