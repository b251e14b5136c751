import { CopyButton } from "@/components/ui/copy-button";
import type { Snippet } from "@/lib/remediation/content";
import { renderCliCommand, type CliCommand } from "@/lib/remediation/shell";

/** The commands in order, each with its own copy button, and one to copy them all as a script. */
export function CommandList({ commands }: { commands: CliCommand[] }) {
  const lines = commands.map((command) => ({ description: command.description, text: renderCliCommand(command) }));
  const script = lines.map((line) => `# ${line.description.replace(/\s+/g, " ")}\n${line.text}`).join("\n\n");
  return (
    <div>
      <div className="mb-2 flex items-center justify-between gap-2">
        <h4 className="text-sm font-semibold">AWS CLI</h4>
        <span className="print:hidden">
          <CopyButton text={script} label="Copy all" />
        </span>
      </div>
      <ol className="space-y-2">
        {lines.map((line, index) => (
          <li key={index} className="text-sm">
            <p className="muted">{line.description}</p>
            <div className="mt-1 flex items-start gap-2">
              <pre className="min-w-0 flex-1 overflow-x-auto rounded-md bg-zinc-900 px-3 py-2 text-xs text-zinc-100 print:whitespace-pre-wrap print:bg-white print:text-black print:ring-1 print:ring-zinc-300 dark:bg-black">
                <code data-command>{line.text}</code>
              </pre>
              <span className="shrink-0 print:hidden">
                <CopyButton text={line.text} label="Copy" />
              </span>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function SnippetBlock({ snippet }: { snippet: Snippet }) {
  return (
    <div>
      <div className="mb-1 flex items-center justify-between gap-2">
        <h4 className="text-sm font-semibold">{snippet.title}</h4>
        <span className="print:hidden">
          <CopyButton text={snippet.code} label="Copy" />
        </span>
      </div>
      <pre className="overflow-x-auto rounded-md bg-zinc-100 px-3 py-2 text-xs text-zinc-900 ring-1 ring-zinc-200 print:whitespace-pre-wrap dark:bg-zinc-950 dark:text-zinc-100 dark:ring-zinc-800">
        <code>{snippet.code}</code>
      </pre>
    </div>
  );
}
