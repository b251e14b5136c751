import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ActiveRunBanner } from "@/components/shell/active-run-banner";
import { toBannerRun } from "@/components/shell/banner-run";
import { SiteHeader } from "@/components/shell/site-header";
import { getActiveRun } from "@/lib/db/runs";
import { runtimeInfo } from "./_lib/runtime-info";
import "./globals.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "iamfit", template: "%s · iamfit" },
  description: "The ten-exercise Cloud Security Fitness scorecard for every AWS account you own.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const runtime = runtimeInfo();
  const activeRun = await getActiveRun();
  const bannerRun = activeRun ? toBannerRun(activeRun) : null;
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-white text-sm font-medium text-zinc-900 shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-3 focus:py-2"
        >
          Skip to main content
        </a>
        <SiteHeader mode={runtime?.mode ?? null} description={runtime?.description ?? null} />
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
      </body>
    </html>
  );
}
