import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ActiveRunBanner } from "@/components/shell/active-run-banner";
import { toBannerRun } from "@/components/shell/banner-run";
import { SiteHeader } from "@/components/shell/site-header";
import { entryPathFor, getSessionState } from "@/lib/auth/current-user";
import { getActiveRun } from "@/lib/db/runs";
import { runtimeInfo } from "../_lib/runtime-info";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // The shell shows who is signed in; each page checks what their role may see (lib/auth/guards.ts).
  const session = await getSessionState();
  if (session.kind !== "signed_in") redirect(entryPathFor(session)!);
  const runtime = runtimeInfo();
  const activeRun = await getActiveRun();
  const bannerRun = activeRun ? toBannerRun(activeRun) : null;
  return (
    <>
      <SiteHeader mode={runtime?.mode ?? null} description={runtime?.description ?? null} user={session.user} />
      <ActiveRunBanner key={bannerRun?.id ?? "none"} initial={bannerRun} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-zinc-200 py-4 text-xs muted dark:border-zinc-800">
        <div className="mx-auto max-w-7xl px-4">
          iamfit: read-only IAM fitness for your AWS accounts.
          {runtime ? <> AWS access: {runtime.description}.</> : null}
        </div>
      </footer>
    </>
  );
}
