import type { Remediation } from "@/lib/remediation/content";
import { CommandList, SnippetBlock } from "./command-list";

/** Why it matters, what to do in the console and on the command line, and what needs care. */
export function RemediationPanel({ remediation }: { remediation: Remediation }) {
  return (
    <div className="space-y-4 text-sm">
      <div>
        <h4 className="font-semibold">Why it matters</h4>
        <p className="mt-1">{remediation.why}</p>
      </div>
      <div>
        <h4 className="font-semibold">What to do</h4>
        <p className="mt-1">{remediation.summary}</p>
      </div>
      {remediation.care.length > 0 ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100">
          <h4 className="font-semibold">Take care</h4>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {remediation.care.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h4 className="font-semibold">In the console</h4>
        <ol className="mt-1 list-decimal space-y-1 pl-5">
          {remediation.console.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      </div>
      {remediation.commands.length > 0 ? <CommandList commands={remediation.commands} /> : null}
      {remediation.snippets.map((snippet, index) => (
        <SnippetBlock key={index} snippet={snippet} />
      ))}
    </div>
  );
}
