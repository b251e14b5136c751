import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { assignment, identityCenter, permissionSet } from "@/lib/checks/testing/identity-center-factory";
import { identityCenterOverview } from "@/lib/identity-center/overview";
import type { IdentityCenterFacts } from "@/lib/db/identity-center-overview";
import { IdentityCenterSection } from "./identity-center-section";

const NOW = new Date("2026-12-07T13:00:00Z");
const MANAGEMENT = "999900001111";
// Tags become spaces; badge symbols and the phone layout's column labels (hidden from screen readers) are left out.
const text = (html: string) =>
  html.replace(/<(span|div) aria-hidden="true"[^>]*>[^<]*<\/\1>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").replace(/ ([.,;])/g, "$1").trim();

function facts(overrides: Partial<IdentityCenterFacts> = {}): IdentityCenterFacts {
  return {
    instances: [],
    linkedAccounts: [{ awsAccountId: MANAGEMENT, name: "management" }],
    organizationAccounts: [{ awsAccountId: MANAGEMENT, name: "management", arn: `arn:aws:organizations::${MANAGEMENT}:account/o-1/${MANAGEMENT}` }],
    answers: [],
    adminVerdicts: [],
    ...overrides,
  };
}

const render = (overrides: Partial<IdentityCenterFacts>) => renderToStaticMarkup(<IdentityCenterSection overview={identityCenterOverview(facts(overrides))} now={NOW} />);

describe("IdentityCenterSection", () => {
  const accounts = Array.from({ length: 300 }, (_, index) => `2000000${String(index).padStart(5, "0")}`);
  const instance = identityCenter({
    permissionSets: [
      permissionSet("AdministratorAccess", { sessionDuration: "PT12H", awsManagedPolicies: [{ policyName: "AdministratorAccess", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }] }),
      permissionSet("ReadOnly", { sessionDuration: "PT2H", inlinePolicy: { Version: "2012-10-17", Statement: [] } }),
    ],
    assignments: [
      ...accounts.map((id) => assignment("AdministratorAccess", "GROUP", "g-eng", id)),
      assignment("ReadOnly", "USER", "u-ada", MANAGEMENT),
    ],
  });
  const html = render({ instances: [{ instance, readAt: new Date("2026-12-07T12:00:00Z") }] });

  it("names the holding account, its role and region under an 'IAM Identity Center' heading", () => {
    expect(html).toContain('<h2 id="identity-center-heading"');
    expect(text(html)).toContain("Held by management 999900001111, the management account, in us-east-1. 3 people, 1 group and 2 permission sets; read 1 hour ago.");
  });

  it("lists each permission set with its policies, a too-long session marked, and administrator rights", () => {
    expect(html).toContain("<caption");
    const words = text(html);
    expect(words).toContain("AdministratorAccess AWS managed policy AdministratorAccess 12 hours Longer than 4 hours Grants administrator rights Its policies allow every action on every resource.");
    expect(words).toContain("ReadOnly Inline policy 2 hours Not judged yet");
  });

  it("keeps hundreds of accounts to one summary line that opens by keyboard, with group sizes and account links", () => {
    expect(text(html)).toContain("300 accounts · 1 group · 0 users directly for permission set AdministratorAccess");
    expect(html).toMatch(/<details[^>]*><summary/);
    expect(html).toContain('tabindex="0"');
    expect(text(html)).toContain("group engineers (2 people)");
    expect(text(html)).toContain("user Ada Lovelace (directly)");
    // Accounts only the organization knows are not links; linked ones are.
    expect(html).toContain(`href="/accounts/${MANAGEMENT}"`);
    expect(html).not.toContain(`href="/accounts/${accounts[0]}"`);
  });

  it("says in plain words why Identity Center could not be read and how to fix it", () => {
    expect(text(render({}))).toContain("Not collected yet");
    const denied = text(render({ answers: [{ awsAccountId: MANAGEMENT, outcome: "error", code: "AccessDeniedException", api: "sso:ListInstances", organizationRole: null }] }));
    expect(denied).toContain("Access denied The audit role was refused sso:ListInstances in management (999900001111)");
    expect(denied).toContain("audit-role templates");
    const notEnabled = text(render({ answers: [{ awsAccountId: MANAGEMENT, outcome: "no_instance", code: null, api: null, organizationRole: null }] }));
    expect(notEnabled).toContain("Not enabled Every account of the organization answered that it holds no IAM Identity Center instance");
    const elsewhere = text(render({ linkedAccounts: [{ awsAccountId: "111100002222", name: "prod" }], answers: [{ awsAccountId: "111100002222", outcome: "no_instance", code: null, api: null, organizationRole: null }] }));
    expect(elsewhere).toContain("Link and collect the management account management (999900001111), or the account IAM Identity Center is delegated to.");
  });

  it("shows an empty instance as such", () => {
    expect(text(render({ instances: [{ instance: identityCenter(), readAt: NOW }] }))).toContain("This instance has no permission sets");
  });
});
