import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ApiFinding } from "@/lib/api/finding-json";
import { FINDINGS_CSV_COLUMNS, findingsCsvHeader, findingsCsvRows } from "./findings-csv";

function finding(fields: Partial<ApiFinding> = {}): ApiFinding {
  return {
    accountId: "111111111111",
    accountName: "prod",
    exercise: 2,
    checkId: "users.console-mfa",
    checkTitle: "Console users have MFA",
    resource: "arn:aws:iam::111111111111:user/alice",
    resourceType: "user",
    resourceName: "alice",
    region: null,
    status: "fail",
    severity: "high",
    reason: "alice has a console password and no MFA",
    evidence: { passwordEnabled: true, mfaActive: false },
    firstSeenAt: "2026-11-20T10:00:00.000Z",
    firstRunId: "7",
    ...fields,
  };
}

const records = (csv: string) => {
  const [header, ...rows] = parse(csv) as string[][];
  return rows.map((row) => Object.fromEntries(header!.map((column, index) => [column, row[index]])));
};

describe("findings CSV", () => {
  it("has one column per field of the API finding, evidence as JSON", () => {
    const csv = findingsCsvHeader() + findingsCsvRows([finding()]);
    expect(parse(csv)[0]).toEqual([...FINDINGS_CSV_COLUMNS]);
    expect(records(csv)).toEqual([
      {
        account_id: "111111111111",
        account_name: "prod",
        exercise: "2",
        check_id: "users.console-mfa",
        check: "Console users have MFA",
        status: "fail",
        severity: "high",
        resource_type: "user",
        resource: "arn:aws:iam::111111111111:user/alice",
        resource_name: "alice",
        region: "",
        reason: "alice has a console password and no MFA",
        first_seen: "2026-11-20T10:00:00.000Z",
        evidence: '{"passwordEnabled":true,"mfaActive":false}',
      },
    ]);
  });

  it("neutralises hostile names so no cell starts a formula", () => {
    const hostile = finding({ accountName: "@evil", resourceName: '=HYPERLINK("http://x","y")', resourceType: "group", reason: "+1", evidence: null });
    const [row] = records(findingsCsvHeader() + findingsCsvRows([hostile]));
    expect(row).toMatchObject({ account_name: "'@evil", resource_name: `'=HYPERLINK("http://x","y")`, reason: "'+1", evidence: "" });
    for (const cell of Object.values(row!)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
