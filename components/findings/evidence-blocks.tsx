import { Fragment } from "react";
import type { EvidenceBlock, FactRow, TableCell } from "@/lib/checks/evidence/blocks";
import { evidenceHasMarks } from "@/lib/checks/evidence/blocks";
import { JsonLinesView } from "./json-lines-view";

const MARK = "rounded-sm bg-amber-200 px-0.5 font-semibold text-amber-950 dark:bg-amber-500/40 dark:text-amber-100";
const HEADING = "mb-1 text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300";

/**
 * Evidence blocks (lib/checks/evidence/blocks.ts) as a person reads them: labelled facts, tables,
 * the policy statement with what makes it fail marked. Pure, so the server renders it for open
 * evidence and the browser for evidence fetched when a row is opened.
 */
export function EvidenceBlocks({ blocks }: { blocks: EvidenceBlock[] }) {
  return (
    <div className="space-y-3" data-evidence>
      {blocks.map((block, index) => (
        <EvidenceBlockView key={index} block={block} />
      ))}
      {evidenceHasMarks(blocks) ? (
        <p className="text-xs muted">
          <mark className={MARK}>Marked</mark> parts are what makes it fail: wildcards, NotAction or NotResource, open principals or ranges, and what the check
          found.
        </p>
      ) : null}
    </div>
  );
}

/**
 * AWS's own text (names, ARNs, JSON): code, never reworded; `translate="no"` keeps browsers from
 * translating it. Long ARNs may wrap after ":" and "/", never inside a name.
 */
function Verbatim({ children }: { children: string }) {
  const parts = children.split(/(?<=[:/])/);
  return (
    <code translate="no" data-verbatim className="font-mono break-words">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </code>
  );
}

function Value({ text, verbatim, mark }: { text: string; verbatim?: boolean; mark?: boolean }) {
  const content = verbatim ? <Verbatim>{text}</Verbatim> : text;
  return mark ? <mark className={MARK}>{content}</mark> : <>{content}</>;
}

function FactRowView({ row }: { row: FactRow }) {
  return (
    <tr>
      <th scope="row" className="w-1/3 align-top font-normal normal-case tracking-normal">
        {row.label}
      </th>
      <td className="break-words">
        <Value text={row.value} verbatim={row.verbatim} mark={row.mark} />
      </td>
    </tr>
  );
}

function cellOf(cell: string | TableCell): TableCell {
  return typeof cell === "string" ? { text: cell } : cell;
}

function EvidenceBlockView({ block }: { block: EvidenceBlock }) {
  switch (block.kind) {
    case "facts":
      return (
        <div>
          <h4 className={HEADING}>{block.title}</h4>
          <table className="data-table text-xs">
            <tbody>
              {block.rows.map((row, index) => (
                <FactRowView key={index} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      );
    case "note":
      return (
        <div>
          {block.title ? <h4 className={HEADING}>{block.title}</h4> : null}
          <p className="text-sm">{block.text}</p>
        </div>
      );
    case "fields":
      return (
        <div>
          <h4 className={HEADING}>{block.title}</h4>
          <table className="data-table text-xs">
            <tbody>
              {block.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" className="w-1/3 font-normal normal-case tracking-normal">
                    <Verbatim>{row.key}</Verbatim>
                  </th>
                  <td>
                    <Value text={row.value} verbatim mark={row.mark} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "statement":
      return (
        <div>
          <h4 className={HEADING}>{block.title}</h4>
          {block.policyName || block.attachedTo ? (
            <p className="mb-1 text-xs">
              {block.policyName ? (
                <>
                  In policy <Verbatim>{block.policyName}</Verbatim>
                </>
              ) : null}
              {block.attachedTo ? (
                <>
                  {block.policyName ? ", attached to " : "Attached to "}
                  {block.attachedTo.map((target, index) => (
                    <span key={index}>
                      {index > 0 ? ", " : null}
                      <Verbatim>{target}</Verbatim>
                    </span>
                  ))}
                </>
              ) : null}
            </p>
          ) : null}
          <div data-verbatim>
            <JsonLinesView lines={block.lines} label={block.title} />
          </div>
        </div>
      );
    case "json":
      return (
        <div>
          <h4 className={HEADING}>{block.title}</h4>
          <div data-verbatim>
            <JsonLinesView lines={block.lines} label={block.title} />
          </div>
        </div>
      );
    case "security_group_rules":
      return (
        <div>
          <h4 className={HEADING}>{block.title}</h4>
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
                  <td>{rule.protocol}</td>
                  <td>{rule.ports}</td>
                  <td>
                    {rule.sources.length === 0
                      ? "none"
                      : rule.sources.map((source, sourceIndex) => (
                          <span key={sourceIndex} className="mr-2 inline-block">
                            <Value text={source.text} verbatim mark={source.mark} />
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
          <h4 className={HEADING}>{block.title}</h4>
          <table className="data-table text-xs">
            <thead>
              <tr>
                {block.columns.map((column) => (
                  <th key={column} scope="col" className="normal-case">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, cellIndex) => {
                    const { text, verbatim, mark } = cellOf(cell);
                    return (
                      <td key={cellIndex} className="break-words">
                        <Value text={text} verbatim={verbatim} mark={mark} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}
