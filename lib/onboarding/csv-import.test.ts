import { describe, expect, it } from "vitest";
import { formatCsvProblem, parseAccountsCsv } from "./csv-import";

const csv = (...rows: string[]) => rows.join("\n");

describe("parseAccountsCsv", () => {
  it("reads each row like the link form: role names become ARNs, tags split on semicolons", () => {
    const result = parseAccountsCsv(
      csv(
        "account_id,name,role,external_id,tags",
        "111111111111,Payments prod,,,env=prod;team=payments",
        '222222222222,"Data, lake",arn:aws:iam::222222222222:role/reader,their-external-id,',
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.accounts).toEqual([
      { line: 2, accountId: "111111111111", name: "Payments prod", roleArn: "arn:aws:iam::111111111111:role/iamfit-audit", externalId: undefined, tags: { env: "prod", team: "payments" } },
      { line: 3, accountId: "222222222222", name: "Data, lake", roleArn: "arn:aws:iam::222222222222:role/reader", externalId: "their-external-id", tags: {} },
    ]);
  });

  it("accepts common header spellings, a byte-order mark, blank lines and comments", () => {
    const result = parseAccountsCsv(csv("\ufeffAccount ID,Role Name", "# linked by the platform team", "", "111111111111,audit"));
    expect(result.problems).toEqual([]);
    expect(result.accounts.map((account) => [account.line, account.roleArn])).toEqual([[4, "arn:aws:iam::111111111111:role/audit"]]);
  });

  it("reports every bad row with its line and column, and keeps the good ones", () => {
    const result = parseAccountsCsv(
      csv(
        "account_id,name,role,tags",
        "12345,Too short,,",
        "111111111111,Good,,",
        "222222222222,Wrong role,arn:aws:iam::333333333333:role/x,",
        "444444444444,Bad tags,,env:prod",
        "111111111111,Again,,",
        "555555555555,Extra,,,surplus",
      ),
    );
    expect(result.accounts.map((account) => account.accountId)).toEqual(["111111111111"]);
    expect(result.problems.map(formatCsvProblem)).toEqual([
      "line 2, account_id: must be exactly 12 digits, e.g. 123456789012",
      "line 4, role: belongs to account 333333333333, not 222222222222; the audit role must live in the account it audits",
      'line 5, tags: tag "env:prod" must look like key=value (separate tags with ";")',
      "line 6, account_id: 111111111111 is already on line 3",
      "line 7: has 5 fields but the header names 4; quote values that contain commas",
    ]);
  });

  it("refuses a header without account_id or with unknown columns", () => {
    expect(parseAccountsCsv(csv("name,owner", "x,y")).problems.map(formatCsvProblem)).toEqual([
      'line 1: unknown column "owner" (known: account_id, name, role, external_id, tags)',
      "line 1: the header has no account_id column (columns: account_id, name, role, external_id, tags)",
    ]);
  });

  it("reports unreadable CSV with the line where it breaks", () => {
    const result = parseAccountsCsv(csv("account_id,name", '111111111111,"never closed', "222222222222,x"));
    expect(result.accounts).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(/^not readable as CSV/);
  });

  it("says an empty file needs a header row", () => {
    expect(parseAccountsCsv("").problems).toEqual([{ line: 1, message: "the file is empty; expected a header row: account_id,name,role,external_id,tags" }]);
  });
});
