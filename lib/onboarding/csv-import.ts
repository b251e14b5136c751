/**
 * Accounts from a spreadsheet: a CSV with a header row naming its columns, one account per row,
 * validated exactly like the link form. Every bad row is reported with its line; the good rows
 * are returned so the caller decides whether a partly bad file links anything (the CLI does
 * not, unless asked).
 *
 *   account_id,name,role,external_id,tags
 *   123456789012,Payments prod,iamfit-audit,,env=prod;team=payments
 */
import { CsvError, parse } from "csv-parse/sync";
import { linkAccountInputSchema, type ValidLinkAccountInput } from "@/lib/accounts/link-input";

export const CSV_COLUMNS = ["account_id", "name", "role", "external_id", "tags"] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Header spellings people use for each column (compared without case, spaces, dashes or underscores). */
const COLUMN_ALIASES: Record<string, CsvColumn> = {
  accountid: "account_id",
  account: "account_id",
  id: "account_id",
  name: "name",
  accountname: "name",
  role: "role",
  rolearn: "role",
  rolename: "role",
  externalid: "external_id",
  tags: "tags",
};

export interface CsvRowProblem {
  /** Line in the file, from 1 (the header is line 1). */
  line: number;
  column?: CsvColumn;
  message: string;
}

export interface CsvImport {
  accounts: Array<ValidLinkAccountInput & { line: number }>;
  problems: CsvRowProblem[];
}

const normalizeHeader = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, "");

/** "env=prod;team=payments" (semicolons, since commas separate CSV fields). */
function parseTags(text: string): Record<string, string> | string {
  const tags: Record<string, string> = {};
  for (const pair of text.split(";").map((item) => item.trim()).filter(Boolean)) {
    const at = pair.indexOf("=");
    if (at <= 0) return `tag "${pair}" must look like key=value (separate tags with ";")`;
    tags[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return tags;
}

export function parseAccountsCsv(text: string): CsvImport {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // csv-parse's typings do not narrow the record shape for `info: true`.
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true, relax_column_count: true, comment: "#" }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === "number" ? error.lines : 1;
      return { accounts: [], problems: [{ line, message: `not readable as CSV: ${error.message}` }] };
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return { accounts: [], problems: [{ line: 1, message: `the file is empty; expected a header row: ${CSV_COLUMNS.join(",")}` }] };

  const problems: CsvRowProblem[] = [];
  const columns = header.record.map((name) => COLUMN_ALIASES[normalizeHeader(name)]);
  header.record.forEach((name, index) => {
    if (!columns[index]) problems.push({ line: header.info.lines, message: `unknown column "${name}" (known: ${CSV_COLUMNS.join(", ")})` });
  });
  if (!columns.includes("account_id")) {
    problems.push({ line: header.info.lines, message: `the header has no account_id column (columns: ${CSV_COLUMNS.join(", ")})` });
  }
  if (problems.length > 0) return { accounts: [], problems };

  const accounts: CsvImport["accounts"] = [];
  const firstLineById = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    if (record.length > columns.length) {
      problems.push({ line, message: `has ${record.length} fields but the header names ${columns.length}; quote values that contain commas` });
      continue;
    }
    const cell = (column: CsvColumn) => {
      const index = columns.indexOf(column);
      return index >= 0 ? (record[index] ?? "") : "";
    };
    const tags = parseTags(cell("tags"));
    if (typeof tags === "string") {
      problems.push({ line, column: "tags", message: tags });
      continue;
    }
    const parsed = linkAccountInputSchema.safeParse({
      accountId: cell("account_id"),
      role: cell("role") || undefined,
      externalId: cell("external_id") || undefined,
      name: cell("name"),
      tags,
    });
    if (!parsed.success) {
      const fields: Record<string, CsvColumn> = { accountId: "account_id", role: "role", externalId: "external_id", name: "name", tags: "tags" };
      for (const issue of parsed.error.issues) {
        const column = fields[String(issue.path[0])];
        problems.push({ line, ...(column ? { column } : {}), message: issue.message });
      }
      continue;
    }
    const first = firstLineById.get(parsed.data.accountId);
    if (first !== undefined) {
      problems.push({ line, column: "account_id", message: `${parsed.data.accountId} is already on line ${first}` });
      continue;
    }
    firstLineById.set(parsed.data.accountId, line);
    accounts.push({ ...parsed.data, line });
  }
  return { accounts, problems };
}

/** "line 4, role: must be …" */
export function formatCsvProblem(problem: CsvRowProblem): string {
  return `line ${problem.line}${problem.column ? `, ${problem.column}` : ""}: ${problem.message}`;
}
