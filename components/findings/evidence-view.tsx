import type { JsonValue } from "@/lib/checks/types";
import { describeEvidence, evidenceHasMarks, type EvidenceBlock } from "@/lib/scorecard/evidence-view";
import { JsonLinesView } from "./json-lines-view";

const MARK = "rounded-sm bg-amber-200 px-0.5 font-semibold text-amber-950 dark:bg-amber-500/40 dark:text-amber-100";

/** A finding's evidence, readable by what it is: a report row, a policy statement, SG rules… */
export function EvidenceView({ evidence, title }: { evidence: JsonValue | undefined; title?: string }) {
  if (evidence === undefined) return <p className="text-xs muted">The evidence of this finding is not stored.</p>;
  const blocks = describeEvidence(evidence, title);
  return (
    <div className="space-y-3">
      {blocks.map((block, index) => (
        <EvidenceBlockView key={index} block={block} />
      ))}
      {evidenceHasMarks(blocks) ? (
        <p className="text-xs muted">
          <mark className={MARK}>Marked</mark> parts are what makes it broad: wildcards, NotAction or NotResource, open principals or ranges, and the actions the
          check found.
        </p>
      ) : null}
    </div>
  );
}

function EvidenceBlockView({ block }: { block: EvidenceBlock }) {
  const heading = <h4 className="mb-1 text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">{block.title}</h4>;
  switch (block.kind) {
    case "fields":
      return (
        <div>
          {heading}
          <table className="data-table text-xs">
            <tbody>
              {block.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" className="w-1/3 font-mono font-normal normal-case tracking-normal">
                    {row.key}
                  </th>
                  <td className="font-mono break-all">{row.mark ? <mark className={MARK}>{row.value}</mark> : row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "statement":
    case "json":
      return (
        <div>
          {heading}
          <JsonLinesView lines={block.lines} label={block.title} />
        </div>
      );
    case "security_group_rules":
      return (
        <div>
          {heading}
          <table className="data-table text-xs">
            <thead>
              <tr>
                <th scope="col">Protocol</th>
                <th scope="col">Ports</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {block.rules.map((rule, index) => (
                <tr key={index}>
                  <td className="font-mono">{rule.protocol}</td>
                  <td className="font-mono">{rule.ports}</td>
                  <td className="font-mono">
                    {rule.sources.length === 0
                      ? "—"
                      : rule.sources.map((source, sourceIndex) => (
                          <span key={sourceIndex} className="mr-2 inline-block">
                            {source.mark ? <mark className={MARK}>{source.text}</mark> : source.text}
                          </span>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "table":
      return (
        <div className="relative overflow-x-auto">
          {heading}
          <table className="data-table text-xs">
            <thead>
              <tr>
                {block.columns.map((column) => (
                  <th key={column} scope="col" className="font-mono normal-case">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, cellIndex) => (
                    <td key={cellIndex} className="font-mono break-all">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}
