import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { getCheck } from "@/lib/checks/registry";
import { checklistCsv, spreadsheetSafe } from "./export-csv";
import { checklistMarkdown, codeBlock, markdownText } from "./export-markdown";
import { itemView } from "./testing/item-views";
import { HOSTILE_NAMES, targetFor } from "./testing/targets";

const NOW = new Date("2026-11-23T12:00:00Z");

function hostileItem() {
  const target = targetFor("users.console-mfa", HOSTILE_NAMES);
  return itemView({ ...target, accountName: "=cmd|' /C calc'!A0", assignee: "@sec-team", reason: "+1 and -1", dueOn: "2026-11-01" });
}

describe("spreadsheetSafe", () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["alice", "alice"],
    ["a=b", "a=b"],
    ["", ""],
  ])("makes %j safe as %j", (value, expected) => {
    expect(spreadsheetSafe(value)).toBe(expected);
  });
});

describe("checklistCsv", () => {
  it("writes a header and one row per item, every cell safe for spreadsheets", () => {
    const csv = checklistCsv([hostileItem(), itemView({ resourceName: "bob", state: "verified" })], NOW);
    const rows: string[][] = parse(csv);
    expect(rows[0]!.slice(0, 4)).toEqual(["account_id", "account_name", "exercise", "check_id"]);
    expect(rows).toHaveLength(3);
    const row = Object.fromEntries(rows[0]!.map((column, index) => [column, rows[1]![index]!]));
    expect(row).toMatchObject({
      account_name: "'=cmd|' /C calc'!A0",
      resource: "<img src=x onerror=alert(1)>",
      assignee: "'@sec-team",
      finding: "'+1 and -1",
      state: "Open",
      overdue: "yes",
      check: getCheck("users.console-mfa")!.title,
    });
    expect(row.cli_commands).toContain("aws iam list-mfa-devices --user-name '<img src=x onerror=alert(1)>'");
    for (const cells of rows.slice(1)) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe("checklistMarkdown", () => {
  it("escapes names so no HTML, link or emphasis gets through", () => {
    expect(markdownText("<img src=x onerror=alert(1)>")).toBe("\\<img src=x onerror=alert\\(1\\)\\>");
    expect(markdownText("[x](javascript:alert(1)) *b* `c`\nnext")).toBe("\\[x\\]\\(javascript:alert\\(1\\)\\) \\*b\\* \\`c\\` next");
  });

  it("fences code longer than any backtick run inside it", () => {
    expect(codeBlock("echo `id`", "sh")).toBe("```sh\necho `id`\n```");
    expect(codeBlock("a ```` b")).toBe("`````\na ```` b\n`````");
  });

  it("renders the checklist by exercise with state, steps and commands", () => {
    const markdown = checklistMarkdown({ awsAccountId: "123456789012", name: "Prod <b>" }, [hostileItem(), itemView({ exercise: 1, checkId: "root.mfa", resourceName: "root", state: "verified" })], NOW);
    expect(markdown).toContain("# Remediation checklist: Prod \\<b\\> (123456789012)");
    expect(markdown.indexOf("## Exercise 1:")).toBeLessThan(markdown.indexOf("## Exercise 2:"));
    expect(markdown).toContain("### [x] ");
    expect(markdown).toContain(`### [ ] ${markdownText(getCheck("users.console-mfa")!.title)}: \\<img src=x onerror=alert\\(1\\)\\>`);
    expect(markdown).toContain("- Due: 2026-11-01 \\(overdue\\)");
    expect(markdown).toContain("```sh\n# MFA devices");
    expect(markdown).toContain("aws iam delete-login-profile --user-name '<img src=x onerror=alert(1)>'");
    const outsideCode = markdown.replace(/```[\s\S]*?```/g, "");
    expect(outsideCode).not.toMatch(/[^\\]<img/);
  });
});
