import { describe, expect, it } from "vitest";
import { ROOT_USER_ROW, type CredentialReportRow } from "@/lib/snapshot/schema";
import { CREDENTIAL_REPORT_COLUMNS, CredentialReportFormatError, parseCredentialReport } from "./credential-report";

const GENERATED_AT = "2025-11-20T08:00:00.000Z";

type RawRow = Record<(typeof CREDENTIAL_REPORT_COLUMNS)[number], string>;

/** A user row as AWS writes it for a password user with one key and no certificates. */
function userRow(user: string, overrides: Partial<RawRow> = {}): RawRow {
  return {
    user,
    arn: `arn:aws:iam::111122223333:user/${user}`,
    user_creation_time: "2024-01-02T03:04:05+00:00",
    password_enabled: "true",
    password_last_used: "2025-11-01T10:00:00+00:00",
    password_last_changed: "2024-01-02T03:05:00+00:00",
    password_next_rotation: "N/A",
    mfa_active: "false",
    access_key_1_active: "true",
    access_key_1_last_rotated: "2024-01-02T03:06:00+00:00",
    access_key_1_last_used_date: "N/A",
    access_key_1_last_used_region: "N/A",
    access_key_1_last_used_service: "N/A",
    access_key_2_active: "false",
    access_key_2_last_rotated: "N/A",
    access_key_2_last_used_date: "N/A",
    access_key_2_last_used_region: "N/A",
    access_key_2_last_used_service: "N/A",
    cert_1_active: "false",
    cert_1_last_rotated: "N/A",
    cert_2_active: "false",
    cert_2_last_rotated: "N/A",
    ...overrides,
  };
}

/** The root row: its password columns are not_supported (IAM User Guide, credential report). */
function rootRow(overrides: Partial<RawRow> = {}): RawRow {
  return userRow(ROOT_USER_ROW, {
    arn: "arn:aws:iam::111122223333:root",
    password_enabled: "not_supported",
    password_last_used: "no_information",
    password_last_changed: "not_supported",
    password_next_rotation: "not_supported",
    mfa_active: "true",
    access_key_1_active: "false",
    access_key_1_last_rotated: "N/A",
    ...overrides,
  });
}

function csv(rows: RawRow[], columns: readonly string[] = CREDENTIAL_REPORT_COLUMNS): string {
  const lines = [columns.join(","), ...rows.map((row) => columns.map((column) => row[column as keyof RawRow]).join(","))];
  return `${lines.join("\n")}\n`;
}

describe("parseCredentialReport", () => {
  it("knows the 22 documented columns", () => {
    expect(CREDENTIAL_REPORT_COLUMNS).toHaveLength(22);
  });

  it("keeps the root row's special values instead of turning them into false", () => {
    const report = parseCredentialReport(csv([rootRow()]), GENERATED_AT);
    const root = report.rows.find((row) => row.user === ROOT_USER_ROW) as CredentialReportRow;
    expect(root).toMatchObject({
      password_enabled: "not_supported",
      password_last_used: "no_information",
      password_last_changed: "not_supported",
      password_next_rotation: "not_supported",
      mfa_active: true,
      access_key_1_active: false,
      access_key_1_last_rotated: "N/A",
    });
  });

  it("parses booleans, dates and N/A columns of a user row", () => {
    const report = parseCredentialReport(
      csv([userRow("alice", { access_key_1_last_used_date: "2025-11-19T12:00:00+00:00", access_key_1_last_used_region: "eu-west-1", access_key_1_last_used_service: "s3" })]),
      GENERATED_AT,
    );
    expect(report).toEqual({
      generatedAt: GENERATED_AT,
      rows: [
        expect.objectContaining({
          user: "alice",
          password_enabled: true,
          mfa_active: false,
          access_key_1_active: true,
          access_key_1_last_used_date: "2025-11-19T12:00:00+00:00",
          access_key_1_last_used_region: "eu-west-1",
          access_key_1_last_used_service: "s3",
          access_key_2_last_rotated: "N/A",
          cert_2_active: false,
        }),
      ],
    });
  });

  it("accepts a report without a root row (the report is not the place to judge that)", () => {
    const report = parseCredentialReport(csv([userRow("bob")]), GENERATED_AT);
    expect(report.rows.map((row) => row.user)).toEqual(["bob"]);
  });

  it("sorts rows by ARN so the same report always serialises the same way", () => {
    const report = parseCredentialReport(csv([userRow("zed"), rootRow(), userRow("amy")]), GENERATED_AT);
    expect(report.rows.map((row) => row.user)).toEqual(["<root_account>", "amy", "zed"]);
  });

  it("reads bytes, with a byte-order mark and CRLF line ends", () => {
    const text = `\uFEFF${csv([rootRow()]).replace(/\n/g, "\r\n")}`;
    const report = parseCredentialReport(new TextEncoder().encode(text), GENERATED_AT);
    expect(report.rows).toHaveLength(1);
  });

  it("ignores columns AWS may add later", () => {
    const columns = [...CREDENTIAL_REPORT_COLUMNS, "some_future_column"];
    const rows = [{ ...userRow("carol"), some_future_column: "x" } as RawRow];
    expect(parseCredentialReport(csv(rows, columns), GENERATED_AT).rows[0]).not.toHaveProperty("some_future_column");
  });

  it.each([
    { column: "mfa_active", value: "yes" },
    { column: "password_enabled", value: "TRUE" },
    { column: "access_key_2_active", value: "" },
  ])("rejects $value in the boolean column $column, naming the column and the user", ({ column, value }) => {
    const parse = () => parseCredentialReport(csv([userRow("dave", { [column]: value })]), GENERATED_AT);
    expect(parse).toThrow(CredentialReportFormatError);
    expect(parse).toThrow(new RegExp(`user "dave": column ${column} has the unexpected value`));
  });

  it("rejects a date column that holds neither a date nor a documented special value", () => {
    const parse = () => parseCredentialReport(csv([userRow("erin", { password_last_used: "yesterday" })]), GENERATED_AT);
    expect(parse).toThrow(/user "erin": column password_last_used has the unexpected value "yesterday"/);
  });

  it("names the missing columns when the header is short", () => {
    const columns = CREDENTIAL_REPORT_COLUMNS.filter((column) => column !== "cert_2_last_rotated" && column !== "mfa_active");
    const parse = () => parseCredentialReport(csv([userRow("frank")], columns), GENERATED_AT);
    expect(parse).toThrow(/lacks the columns mfa_active, cert_2_last_rotated \(it has 20 of the 22/);
  });

  it("reports CSV that does not parse", () => {
    const broken = `${CREDENTIAL_REPORT_COLUMNS.join(",")}\n"unterminated,${"x,".repeat(21)}\n`;
    expect(() => parseCredentialReport(broken, GENERATED_AT)).toThrow(/not valid CSV/);
  });
});
