"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";

export interface BannerRun {
  id: string;
  status: string;
  accountsDone: number;
  accountsTotal: number;
  accountsFailed: number;
}

const POLL_MS = 3000;

/**
 * Shown while a collection runs. The layout renders it with the run it found; it then polls
 * /api/runs/active so the numbers move on every page, and refreshes the page once the run ends
 * (scores and statuses changed). The layout keys it by run id, so a new run remounts it; a
 * fresher server render (router.refresh elsewhere) wins over an older poll.
 */
export function ActiveRunBanner({ initial }: { initial: BannerRun | null }) {
  const router = useRouter();
  const [polled, setPolled] = useState<{ basis: BannerRun | null; run: BannerRun | null } | null>(null);
  const latestInitial = useRef(initial);
  useEffect(() => {
    latestInitial.current = initial;
  });
  const run = polled && polled.basis === initial ? polled.run : initial;
  const runId = initial?.id;

  useEffect(() => {
    if (!runId) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch("/api/runs/active", { cache: "no-store" });
        if (!response.ok || cancelled) return;
        const body = (await response.json()) as { run: BannerRun | null };
        if (cancelled) return;
        const stillRunning = body.run?.id === runId;
        setPolled({ basis: latestInitial.current, run: stillRunning ? body.run : null });
        if (!stillRunning) {
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        // A failed poll (server restarting) is retried on the next tick.
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [runId, router]);

  if (!run) return null;
  return (
    <section aria-label="Collection in progress" className="border-b border-indigo-200 bg-indigo-50 dark:border-indigo-900 dark:bg-indigo-950/50">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm">
        <span className="font-medium text-indigo-950 dark:text-indigo-100">
          <span aria-hidden="true" className="mr-1.5 inline-block motion-safe:animate-spin">↻</span>
          Collection #{run.id} {run.status === "queued" ? "queued" : "running"}: {run.accountsDone} of {run.accountsTotal} accounts done
          {run.accountsFailed > 0 ? `, ${run.accountsFailed} failed` : ""}
        </span>
        <div className="w-40 max-w-full">
          <ProgressBar value={run.accountsDone} max={run.accountsTotal} label={`Collection #${run.id} progress`} />
        </div>
        <Link href={`/runs/${run.id}`} className="ml-auto font-medium">
          View progress →
        </Link>
      </div>
    </section>
  );
}
