/**
 * What makes a policy statement broad, to mark in its pretty-printed JSON: negations, wildcards,
 * open principals and ranges, and the values a check named (the escalation actions it found…).
 */
import type { JsonValue } from "@/lib/checks/types";
import type { JsonPath } from "./json-lines";

export const OPEN_RANGES = new Set(["0.0.0.0/0", "::/0"]);
const NEGATED_KEYS = new Set(["NotAction", "NotResource", "NotPrincipal"]);

/** `named` holds lower-cased values to mark wherever they appear. */
export function statementMarks(named: Set<string>) {
  return (path: JsonPath, kind: "key" | "value", value: JsonValue): boolean => {
    const top = path[0];
    if (kind === "key") return path.length === 1 && typeof top === "string" && NEGATED_KEYS.has(top);
    if (typeof value !== "string") return false;
    if (named.has(value.toLowerCase())) return true;
    if (top === "Action" || top === "NotAction") return value === "*" || value.endsWith(":*");
    if (top === "Resource" || top === "Principal") return value === "*";
    if (top === "Condition") return OPEN_RANGES.has(value);
    return false;
  };
}
