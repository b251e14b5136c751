"use client";

import { useRef, useState } from "react";
import { buttonClass } from "./button-classes";

/**
 * Copies text to the clipboard. navigator.clipboard needs a secure context (https or
 * localhost); iamfit is often reached over plain http on a LAN, so fall back to a hidden
 * textarea and execCommand("copy"), and if that fails too, ask the user to copy by hand.
 */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  async function copy() {
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        copied = true;
      }
    } catch {
      copied = false;
    }
    if (!copied) copied = copyWithTextarea(text);
    setState(copied ? "copied" : "failed");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 2500);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={copy} className={buttonClass("secondary", "sm")}>
        {state === "copied" ? "Copied ✓" : label}
      </button>
      <span aria-live="polite" className="text-xs muted">
        {state === "failed" ? "Copy failed: select the text and press Ctrl+C (⌘C)." : ""}
      </span>
    </span>
  );
}

function copyWithTextarea(text: string): boolean {
  const textarea = document.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.opacity = "0";
  document.body.appendChild(textarea);
  textarea.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    textarea.remove();
  }
}
