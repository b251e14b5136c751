/**
 * CSV for spreadsheets, shared by every export. Names come from AWS and are hostile (the sandbox
 * has a group named `=HYPERLINK("http://x")`): a cell a spreadsheet would run as a formula is
 * prefixed with a quote (OWASP, "CSV Injection").
 */
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell no spreadsheet evaluates: a leading = + - @ tab or carriage return gets a quote first. */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Rows (header included when wanted) as CSV text, every cell made spreadsheet-safe, CRLF line ends (RFC 4180). */
export function csvLines(rows: string[][]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((cells) => cells.map(spreadsheetSafe)),
    { quoted_match: /[",\n\r]/, record_delimiter: "\r\n" },
  );
}

/** The byte-order mark that makes spreadsheet programs read a CSV download as UTF-8. */
export const CSV_BOM = "\uFEFF";
