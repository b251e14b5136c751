import type { JsonLine } from "@/lib/scorecard/json-lines";

/**
 * Pretty JSON with marked parts. Every segment is a React text node: evidence holds names from
 * AWS (a user may be called `<img src=x onerror=alert(1)>`), and they must stay text.
 */
export function JsonLinesView({ lines, label }: { lines: JsonLine[]; label: string }) {
  return (
    <pre aria-label={label} className="overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-950">
      <code>
        {lines.map((line, lineIndex) => (
          <span key={lineIndex} className="block">
            {line.map((part, partIndex) =>
              part.mark ? (
                <mark key={partIndex} className="rounded-sm bg-amber-200 px-0.5 font-semibold text-amber-950 dark:bg-amber-500/40 dark:text-amber-100">
                  {part.text}
                </mark>
              ) : (
                <span key={partIndex}>{part.text}</span>
              ),
            )}
          </span>
        ))}
      </code>
    </pre>
  );
}
