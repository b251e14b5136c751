"use client";

import { buttonClass } from "@/components/ui/button-classes";

/** Saves `content` as a file, built in the browser: the templates are already on the page. */
export function DownloadButton({ content, fileName, type, label = "Download" }: { content: string; fileName: string; type: string; label?: string }) {
  function download() {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }
  return (
    <button type="button" onClick={download} className={buttonClass("secondary", "sm")}>
      {label}
      <span className="sr-only"> {fileName}</span>
    </button>
  );
}
