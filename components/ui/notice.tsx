import type { ReactNode } from "react";

export type NoticeTone = "info" | "success" | "warning" | "error";

const TONES: Record<NoticeTone, string> = {
  info: "border-indigo-200 bg-indigo-50 text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/60 dark:text-indigo-100",
  success: "border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100",
  warning: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100",
  error: "border-red-300 bg-red-50 text-red-950 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100",
};

/**
 * A callout. `role` is opt-in: "alert" for errors that appear after an action, "status" for
 * results; a notice that is simply part of the page needs none.
 */
export function Notice({
  tone = "info",
  title,
  children,
  role,
  className = "",
}: {
  tone?: NoticeTone;
  title?: ReactNode;
  children?: ReactNode;
  role?: "alert" | "status";
  className?: string;
}) {
  return (
    <div role={role} className={`rounded-md border px-4 py-3 text-sm [&_a]:underline ${TONES[tone]} ${className}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1 space-y-1" : "space-y-1"}>{children}</div> : null}
    </div>
  );
}
