/**
 * Pretty-printed JSON as lines of text segments, some marked: the UI renders each segment as a
 * text node (marked ones inside <mark>), so names from AWS are always escaped by React and no
 * HTML is ever built from evidence.
 */
import type { JsonValue } from "@/lib/checks/types";

export interface JsonSegment {
  text: string;
  mark: boolean;
}
export type JsonLine = JsonSegment[];
export type JsonPath = Array<string | number>;

/** Decides which keys and scalar values to mark; `path` leads to the key or value. */
export type MarkPredicate = (path: JsonPath, kind: "key" | "value", value: JsonValue) => boolean;

const INDENT = "  ";

function segment(text: string, mark = false): JsonSegment {
  return { text, mark };
}

/** Adjacent segments with the same mark merge, so lines stay short and easy to assert. */
function pushSegment(line: JsonLine, next: JsonSegment) {
  const last = line[line.length - 1];
  if (last && last.mark === next.mark) last.text += next.text;
  else line.push({ ...next });
}

export function prettyJsonLines(value: JsonValue, mark: MarkPredicate = () => false): JsonLine[] {
  const lines: JsonLine[] = [];

  function emit(path: JsonPath, node: JsonValue, depth: number, prefix: JsonSegment[], suffix: string) {
    const indent = INDENT.repeat(depth);
    const open: JsonLine = [];
    pushSegment(open, segment(indent));
    for (const part of prefix) pushSegment(open, part);
    if (node === null || typeof node !== "object") {
      pushSegment(open, segment(JSON.stringify(node), mark(path, "value", node)));
      pushSegment(open, segment(suffix));
      lines.push(open);
      return;
    }
    const entries: Array<[string | number, JsonValue]> = Array.isArray(node)
      ? node.map((item, index) => [index, item])
      : Object.entries(node);
    const [start, end] = Array.isArray(node) ? ["[", "]"] : ["{", "}"];
    if (entries.length === 0) {
      pushSegment(open, segment(`${start}${end}${suffix}`));
      lines.push(open);
      return;
    }
    pushSegment(open, segment(start));
    lines.push(open);
    entries.forEach(([key, child], index) => {
      const childPath = [...path, key];
      const comma = index < entries.length - 1 ? "," : "";
      const childPrefix =
        typeof key === "string" ? [segment(JSON.stringify(key), mark(childPath, "key", child)), segment(": ")] : [];
      emit(childPath, child, depth + 1, childPrefix, comma);
    });
    lines.push([segment(`${indent}${end}${suffix}`)]);
  }

  emit([], value, 0, [], "");
  return lines;
}

/** The text of the lines, for tests and copy buttons. */
export function linesText(lines: JsonLine[]): string {
  return lines.map((line) => line.map((part) => part.text).join("")).join("\n");
}

/** The marked texts, in order. */
export function markedTexts(lines: JsonLine[]): string[] {
  return lines.flatMap((line) => line.filter((part) => part.mark).map((part) => part.text));
}
