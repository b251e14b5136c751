import Link from "next/link";
import { formatUtc } from "@/components/ui/relative-time";
import type { OutboxEntry } from "@/lib/digest/outbox";

/** The outbox's messages, newest first. */
export function OutboxList({ entries, selected, hrefFor }: { entries: OutboxEntry[]; selected?: string; hrefFor: (file: string) => string }) {
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {entries.map((entry) => (
        <li key={entry.file} className={entry.file === selected ? "bg-indigo-50 dark:bg-indigo-950/40" : undefined}>
          <Link href={hrefFor(entry.file)} aria-current={entry.file === selected ? "true" : undefined} className="block px-4 py-3 no-underline hover:bg-zinc-50 hover:no-underline dark:hover:bg-zinc-800/50">
            <span className="block text-sm font-medium break-words">{entry.subject}</span>
            <span className="block text-xs muted">
              to <span className="break-all">{entry.to}</span> · <time dateTime={entry.writtenAt}>{formatUtc(new Date(entry.writtenAt))}</time> · {Math.max(1, Math.round(entry.bytes / 1024))} KB
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
