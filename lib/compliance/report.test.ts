import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { CheckDefinition } from "@/lib/checks/types";
import type { CisControl } from "./cis-aws-v3";
import { evaluateCompliance } from "./evaluate";
import { buildComplianceReport, complianceCsv, complianceTableRows } from "./report";

const checks = [{ id: "root.access-keys", title: "The root user has no active access key", cis: ["9.1"] }] as unknown as CheckDefinition[];
const controls: CisControl[] = [
  { id: "9.1", section: "1", title: "No root key", note: "Read from the credential report." },
  { id: "9.2", section: "5", title: "Something iamfit does not check" },
];
const ACCOUNT = { awsAccountId: "111111111111", name: "prod" };
const results = evaluateCompliance(
  {
    accounts: [ACCOUNT],
    counts: [{ awsAccountId: ACCOUNT.awsAccountId, checkId: "root.access-keys", status: "fail", count: 1 }],
    findings: [
      {
        id: "7",
        awsAccountId: ACCOUNT.awsAccountId,
        accountName: "prod",
        checkId: "root.access-keys",
        status: "fail",
        resourceId: "arn:aws:iam::111111111111:root",
        resourceName: "=HYPERLINK(\"http://x\")",
        region: null,
        reason: "The root user has 1 active access key (key 1).",
      },
    ],
  },
  checks,
  controls,
);
const now = new Date("2026-12-07T10:00:00Z");
const accountReport = buildComplianceReport(results, { scope: { kind: "account", accountId: ACCOUNT.awsAccountId, name: "prod" }, accountsAssessed: 1, accountsNotYetAssessed: 0, baseUrl: "https://iamfit.example", now });
const organizationReport = buildComplianceReport(results, { scope: { kind: "organization" }, accountsAssessed: 1, accountsNotYetAssessed: 2, baseUrl: "https://iamfit.example", now });

describe("the compliance report", () => {
  it("links an account's failing resources absolutely, to their findings", () => {
    expect(accountReport.controls[0]!.resources).toEqual([
      {
        status: "fail",
        check: "The root user has no active access key",
        resource: "arn:aws:iam::111111111111:root",
        resourceName: "=HYPERLINK(\"http://x\")",
        region: null,
        reason: "The root user has 1 active access key (key 1).",
        link: "https://iamfit.example/accounts/111111111111/resources?id=arn%3Aaws%3Aiam%3A%3A111111111111%3Aroot",
      },
    ]);
    expect(organizationReport.controls[0]!.resources).toBeUndefined();
    expect(organizationReport).toMatchObject({ generatedAt: "2026-12-07T10:00:00.000Z", accountsNotYetAssessed: 2, summary: { fail: 1, not_assessed: 1, pass: 0, unknown: 0 } });
  });

  it("writes the organization CSV with headers and statuses in words", () => {
    const [header, ...rows] = parse(complianceCsv(organizationReport)) as string[][];
    expect(header).toEqual(["Control", "Section", "Title", "Status", "Accounts failing", "Accounts passing", "Accounts unknown", "iamfit checks", "How iamfit reads it"]);
    expect(rows).toEqual([
      ["9.1", "1 Identity and Access Management", "No root key", "Fail", "1", "0", "0", "The root user has no active access key", "Read from the credential report."],
      ["9.2", "5 Networking", "Something iamfit does not check", "Not assessed by iamfit", "0", "0", "0", "", ""],
    ]);
  });

  it("writes the account CSV with the failing resources, no cell a spreadsheet would evaluate", () => {
    const [header, ...rows] = parse(complianceCsv(accountReport)) as string[][];
    expect(header![8]).toBe("Failing or unknown resources");
    // The cell starts with the hostile resource name; a leading quote keeps it text.
    expect(rows[0]![8]).toBe("'=HYPERLINK(\"http://x\") (fails): https://iamfit.example/accounts/111111111111/resources?id=arn%3Aaws%3Aiam%3A%3A111111111111%3Aroot");
  });

  it("gives the CLI table a dash for counts of controls iamfit does not assess", () => {
    expect(complianceTableRows(accountReport)).toEqual([
      { control: "9.1", status: "Fail", fail: "1", pass: "0", unknown: "0", title: "No root key" },
      { control: "9.2", status: "Not assessed by iamfit", fail: "–", pass: "–", unknown: "–", title: "Something iamfit does not check" },
    ]);
  });
});
