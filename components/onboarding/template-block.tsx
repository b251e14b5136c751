import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { DownloadButton } from "./download-button";

/** One template or command: what it is, the text, and buttons to copy it or save it as a file. */
export function TemplateBlock({ title, description, code, fileName, type }: { title: string; description?: ReactNode; code: string; fileName: string; type: string }) {
  return (
    <figure className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption>
          <span className="text-sm font-medium">{title}</span> <code className="text-xs muted">{fileName}</code>
        </figcaption>
        <span className="flex items-center gap-2">
          <CopyButton text={code} label="Copy" />
          <DownloadButton content={code} fileName={fileName.split("/").at(-1) ?? fileName} type={type} />
        </span>
      </div>
      {description ? <div className="text-sm muted">{description}</div> : null}
      <pre
        tabIndex={0}
        role="region"
        aria-label={title}
        className="max-h-96 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 text-xs leading-relaxed dark:border-zinc-800 dark:bg-zinc-950"
      >
        <code>{code}</code>
      </pre>
    </figure>
  );
}
