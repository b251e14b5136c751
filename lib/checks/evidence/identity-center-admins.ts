/** The people who are admin through IAM Identity Center, as admins.count and identity-center.admin-assignments show them. */
import type { IdentityCenterAdmin } from "../identity-center";
import type { EvidenceBlock, TableCell } from "./blocks";
import { adminPathInWords, statementBlocks } from "./policy-statements";

const verbatim = (text: string): TableCell => ({ text, verbatim: true });

/** The table of people who are admin through Identity Center, one row per path; admins.count shows it too. */
export function identityCenterAdminBlocks(admins: IdentityCenterAdmin[]): EvidenceBlock[] {
  if (admins.length === 0) return [];
  const paths = admins.flatMap((admin) => admin.paths.map((path) => ({ admin, path })));
  const policyWords = { aws_managed: "AWS managed policy", customer_managed: "customer managed policy", inline: "inline policy" } as const;
  return [
    {
      kind: "table",
      title: "People with administrator rights through IAM Identity Center",
      columns: ["Person", "Through group", "Permission set", "Policy", "What it grants"],
      rows: paths.map(({ admin, path }) => [
        verbatim(admin.displayName ? `${admin.displayName} (${admin.userName})` : admin.userName),
        path.groupName === null ? "assigned to the person directly" : verbatim(path.groupName),
        verbatim(path.permissionSetName),
        { text: `${path.policyName} (${policyWords[path.policyType]})`, verbatim: true },
        { text: adminPathInWords(path), mark: true },
      ]),
    },
    // One statement per permission set and policy: forty people through one group share one grant.
    ...statementBlocks(
      [...new Map(paths.map(({ path }) => [`${path.permissionSetArn}|${path.policyName}`, path])).values()].map((path) => ({
        source: { policyName: path.policyName, policyArn: null, attachedTo: `permission set ${path.permissionSetName}` },
        statement: path.statement,
        why: adminPathInWords(path),
      })),
    ),
  ];
}

