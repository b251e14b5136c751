/**
 * What the organization page shows of IAM Identity Center, as stored facts: the instances the
 * holding accounts read (lib/db/identity-center.ts keeps them), each linked account's latest answer
 * for the Identity Center part (to say why nothing could be read), and the open verdicts of
 * identity-center.admin-assignments. lib/identity-center/overview.ts turns them into the page's view.
 * Three small queries whatever the size of the organization: the answers and verdicts are picked
 * out of the stored JSON by PostgreSQL, not loaded whole.
 */
import "server-only";
import { identityCenterInstanceSchema, type IdentityCenterInstance } from "@/lib/snapshot/schema";
import { db } from "./client";

const KEY_PREFIX = "identitycenter.instance:";
const PART = "identitycenter.assignments";
const ADMIN_CHECK = "identity-center.admin-assignments";
/** Its answer says whether the account is the organization's management account (SCPs never apply there). */
const SCP_PART = "organizations.serviceControlPolicies";

export interface IdentityCenterFacts {
  instances: Array<{ instance: IdentityCenterInstance; readAt: Date }>;
  linkedAccounts: Array<{ awsAccountId: string; name: string }>;
  organizationAccounts: Array<{ awsAccountId: string; name: string; arn: string }>;
  /** Each linked account's latest stored answer; accounts never collected, or whose part was skipped, are left out. */
  answers: Array<{
    awsAccountId: string;
    outcome: "instance_here" | "no_instance" | "error";
    code: string | null;
    api: string | null;
    /** What the same snapshot's service control policy part says of the account, when read: the management account or a member. */
    organizationRole: "management" | "member" | null;
  }>;
  /** Per account, the open identity-center.admin-assignments verdict that was judged (not unknown for want of data). */
  adminVerdicts: Array<{ awsAccountId: string; adminSetArns: string[]; undeterminedSetNames: string[] }>;
}

async function latestAnswers(): Promise<IdentityCenterFacts["answers"]> {
  const rows = await db().$queryRaw<Array<{ aws_account_id: string; part_status: string | null; answer: string | null; has_instance: boolean | null; code: string | null; api: string | null; scp_answer: string | null }>>`
    SELECT a.aws_account_id,
           m.content->'parts'->${PART}::text->>'status' AS part_status,
           p.content->>'answer' AS answer,
           (p.content ? 'instance') AS has_instance,
           m.content->'parts'->${PART}::text->'error'->>'code' AS code,
           m.content->'parts'->${PART}::text->'error'->>'api' AS api,
           s.content->>'answer' AS scp_answer
      FROM linked_account a
      JOIN LATERAL (SELECT manifest_hash FROM account_collection
                     WHERE account_id = a.id AND manifest_hash IS NOT NULL
                     ORDER BY run_id DESC LIMIT 1) c ON true
      JOIN fact_blob m ON m.hash = c.manifest_hash
      LEFT JOIN fact_blob p ON m.content->'parts'->${PART}::text->>'status' = 'ok'
                           AND p.hash = decode(m.content->'parts'->${PART}::text->>'blob', 'hex')
      LEFT JOIN fact_blob s ON m.content->'parts'->${SCP_PART}::text->>'status' = 'ok'
                           AND s.hash = decode(m.content->'parts'->${SCP_PART}::text->>'blob', 'hex')
     WHERE a.removed_at IS NULL AND m.content->'parts' ? ${PART}::text`;
  return rows
    .filter((row) => row.part_status === "ok" || row.part_status === "error")
    .map((row) => ({
      awsAccountId: row.aws_account_id,
      outcome: row.part_status === "error" ? "error" : row.answer === "read_here" || row.has_instance ? "instance_here" : "no_instance",
      code: row.code,
      api: row.api,
      organizationRole: row.scp_answer === "management_account" ? "management" : row.scp_answer === "read" || row.scp_answer === "not_enabled" ? "member" : null,
    }));
}

async function adminVerdicts(): Promise<IdentityCenterFacts["adminVerdicts"]> {
  const rows = await db().$queryRaw<Array<{ aws_account_id: string; admin_sets: string[] | null; undetermined: string[] | null }>>`
    SELECT a.aws_account_id,
           ARRAY(SELECT DISTINCT path->>'permissionSetArn'
                   FROM jsonb_array_elements(b.content->'identityCenterAdmins') admin,
                        jsonb_array_elements(admin->'paths') path) AS admin_sets,
           ARRAY(SELECT jsonb_array_elements_text(b.content->'undeterminedPermissionSets')) AS undetermined
      FROM finding f
      JOIN linked_account a ON a.id = f.account_id AND a.removed_at IS NULL
      JOIN fact_blob b ON b.hash = f.evidence_hash
     WHERE f.check_id = ${ADMIN_CHECK}::text AND f.closed_run_id IS NULL
       AND jsonb_typeof(b.content->'identityCenterAdmins') = 'array'`;
  return rows.map((row) => ({ awsAccountId: row.aws_account_id, adminSetArns: row.admin_sets ?? [], undeterminedSetNames: row.undetermined ?? [] }));
}

export async function getIdentityCenterFacts(): Promise<IdentityCenterFacts> {
  const [settings, linkedAccounts, organizationAccounts, answers, verdicts] = await Promise.all([
    db().installationSetting.findMany({ where: { key: { startsWith: KEY_PREFIX } }, orderBy: { key: "asc" } }),
    db().linkedAccount.findMany({ where: { removedAt: null }, select: { awsAccountId: true, name: true }, orderBy: { awsAccountId: "asc" } }),
    db().organizationAccount.findMany({ select: { awsAccountId: true, name: true, arn: true }, orderBy: { awsAccountId: "asc" } }),
    latestAnswers(),
    adminVerdicts(),
  ]);
  const instances = settings.flatMap((row) => {
    const parsed = identityCenterInstanceSchema.safeParse(row.value);
    return parsed.success ? [{ instance: parsed.data, readAt: row.updatedAt }] : [];
  });
  return { instances, linkedAccounts, organizationAccounts, answers, adminVerdicts: verdicts };
}
