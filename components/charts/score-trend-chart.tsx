"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendRow } from "@/lib/scorecard/exercise-cards";

export interface TrendSeries {
  /** "score" or "e1".."e10". */
  key: "score" | `e${number}`;
  label: string;
}

// Distinguishable in light and dark mode; lines also differ by dash so colour is not the only cue.
const COLOURS = ["#4f46e5", "#0891b2", "#c026d3", "#ea580c", "#16a34a", "#db2777", "#65a30d", "#0284c7", "#9333ea", "#ca8a04", "#dc2626"];
const DASHES = ["", "4 2", "1 2", "6 3", "", "4 2", "1 2", "6 3", "", "4 2", "1 2"];

/** Day labels, or day and time when the runs shown span less than two days. */
function tickFormatter(rows: TrendRow[]): (iso: string) => string {
  const first = Date.parse(rows[0]?.at ?? "");
  const last = Date.parse(rows[rows.length - 1]?.at ?? "");
  const withTime = last - first < 2 * 86_400_000;
  return (iso) =>
    new Date(iso).toLocaleString("en", {
      month: "short",
      day: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
      timeZone: "UTC",
    });
}

function fullDate(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * Scores over runs as lines (0–100), with the 50 and 80 band edges marked. A table of the same
 * numbers follows for screen readers and for anyone who prefers numbers.
 */
export function ScoreTrendChart({ rows, series, title, height = 240 }: { rows: TrendRow[]; series: TrendSeries[]; title: string; height?: number }) {
  if (rows.length < 2) {
    return (
      <p className="py-6 text-center text-sm muted">
        {rows.length === 0 ? "No evaluations yet: the trend appears after the first run." : "One evaluation so far: the trend appears after the next run."}
      </p>
    );
  }
  return (
    <figure>
      <div style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
            <XAxis dataKey="at" tickFormatter={tickFormatter(rows)} tick={{ fontSize: 11, fill: "currentColor" }} stroke="currentColor" strokeOpacity={0.3} minTickGap={24} />
            <YAxis domain={[0, 100]} ticks={[0, 50, 80, 100]} tick={{ fontSize: 11, fill: "currentColor" }} stroke="currentColor" strokeOpacity={0.3} />
            <ReferenceLine y={80} stroke="#16a34a" strokeOpacity={0.5} strokeDasharray="2 4" />
            <ReferenceLine y={50} stroke="#dc2626" strokeOpacity={0.5} strokeDasharray="2 4" />
            <Tooltip
              labelFormatter={(label) => fullDate(String(label))}
              contentStyle={{ fontSize: 12, borderRadius: 6, background: "var(--tooltip-bg, #fff)", color: "#18181b" }}
            />
            {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} /> : null}
            {series.map((line, index) => (
              <Line
                key={line.key}
                type="monotone"
                dataKey={line.key}
                name={line.label}
                stroke={COLOURS[index % COLOURS.length]}
                strokeDasharray={DASHES[index % DASHES.length]}
                strokeWidth={line.key === "score" ? 2.5 : 1.5}
                dot={rows.length <= 20}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer muted">{title}: show as a table</summary>
          <div className="relative mt-2 max-h-64 overflow-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  {series.map((line) => (
                    <th key={line.key} scope="col">
                      {line.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...rows].reverse().map((row) => (
                  <tr key={row.runId}>
                    <th scope="row" className="font-normal normal-case">
                      #{row.runId} · {fullDate(row.at)}
                    </th>
                    {series.map((line) => (
                      <td key={line.key} className="tabular-nums">
                        {row[line.key] ?? "—"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
