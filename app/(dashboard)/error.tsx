"use client";

import { useEffect } from "react";
import { buttonClass } from "@/components/ui/button-classes";

/**
 * Unexpected failures of a page (database unreachable, a bug). In production Next.js hides
 * server error messages; the digest matches the server log line.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as { digest?: unknown }).digest ?? "") : "";
  return (
    <div role="alert" className="card mx-auto max-w-xl p-8 text-center">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm muted">
        iamfit could not show this page. If the database or the server just restarted, trying again usually works; otherwise
        check the server log{digest ? ` for error ${digest}` : ""}.
      </p>
      <button type="button" onClick={() => retry()} className={`${buttonClass("primary")} mt-5`}>
        Try again
      </button>
    </div>
  );
}
