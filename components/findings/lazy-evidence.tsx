"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { EvidenceBlock } from "@/lib/checks/evidence/blocks";
import { EvidenceBlocks } from "./evidence-blocks";

type State = { kind: "waiting" } | { kind: "loading" } | { kind: "loaded"; blocks: EvidenceBlock[] | null } | { kind: "failed"; message: string };

/**
 * A finding's evidence, fetched the first time its row's `<details>` opens. A findings page of 100
 * rows rendered every evidence up front: a megabyte of HTML for what people open one at a time.
 */
export function LazyEvidence({ findingId }: { findingId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ kind: "waiting" });

  const load = useCallback(async () => {
    setState({ kind: "loading" });
    try {
      const response = await fetch(`/findings/${encodeURIComponent(findingId)}/evidence`, { headers: { accept: "application/json" } });
      const body = (await response.json().catch(() => ({}))) as { blocks?: unknown; message?: unknown };
      if (!response.ok) {
        setState({ kind: "failed", message: typeof body.message === "string" ? body.message : `The server answered ${response.status}.` });
        return;
      }
      setState({ kind: "loaded", blocks: Array.isArray(body.blocks) ? (body.blocks as EvidenceBlock[]) : null });
    } catch {
      setState({ kind: "failed", message: "iamfit could not be reached." });
    }
  }, [findingId]);

  useEffect(() => {
    const details = ref.current?.closest("details");
    if (!details || details.open) {
      void load();
      return;
    }
    const onToggle = () => {
      if (details.open) {
        details.removeEventListener("toggle", onToggle);
        void load();
      }
    };
    details.addEventListener("toggle", onToggle);
    return () => details.removeEventListener("toggle", onToggle);
  }, [load]);

  return (
    <div ref={ref} aria-live="polite">
      {state.kind === "waiting" || state.kind === "loading" ? (
        <p className="text-xs muted" data-evidence-loading>
          Loading the evidence…
        </p>
      ) : state.kind === "failed" ? (
        <p className="text-xs" role="alert">
          The evidence could not be loaded: {state.message}{" "}
          <button type="button" className="font-medium text-indigo-700 underline dark:text-indigo-300" onClick={() => void load()}>
            Try again
          </button>
        </p>
      ) : state.blocks === null ? (
        <p className="text-xs muted">The evidence of this finding is not stored.</p>
      ) : (
        <EvidenceBlocks blocks={state.blocks} />
      )}
    </div>
  );
}
