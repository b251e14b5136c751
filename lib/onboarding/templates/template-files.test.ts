import { describe, expect, it } from "vitest";
import { auditRoleTemplateFiles } from "./template-files";

const input = { trustedPrincipalArn: "arn:aws:iam::111122223333:role/iamfit", externalId: "iamfit-0123abcd", roleName: "iamfit-audit" };

describe("every template file of one installation", () => {
  it("is produced before the organization was discovered (no OU known yet), with the placeholder target", () => {
    const files = auditRoleTemplateFiles({ ...input, organizationalUnitIds: [] });
    expect(files.map((file) => file.path)).toContain("iamfit-audit-role.yaml");
    expect(files.find((file) => file.path === "iamfit-audit-role-stackset.yaml")?.content).toContain('Default: "r-xxxx"');
    expect(files.find((file) => file.path === "terraform/main.tf")?.content).toContain(input.externalId);
  });

  it("is produced for a discovered organization, targeting its root", () => {
    const files = auditRoleTemplateFiles({ ...input, organizationalUnitIds: ["r-ab12"] });
    expect(files.find((file) => file.path === "stackset-commands.sh")?.content).toContain("OrganizationalUnitIds=r-ab12");
  });
});
