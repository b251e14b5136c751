import { factsBlock, noteBlock, type EvidenceBlock, type TableCell } from "../../evidence/blocks";
import { mitigationInWords, PUBLIC_GRANTEES } from "../../s3-buckets";
import { isPublicAclEvidence, type BucketAclEvidence, type PublicGrant } from "./evidence";

/** What each bucket ACL permission lets the grantee do (S3 "Access control list (ACL) overview"). */
const PERMISSION_WORDS: Readonly<Record<string, string>> = {
  READ: "List the objects in the bucket",
  WRITE: "Create, overwrite and delete objects in the bucket",
  READ_ACP: "Read the bucket's ACL",
  WRITE_ACP: "Change the bucket's ACL",
  FULL_CONTROL: "Everything above: list, write, read and change the ACL",
};

/** "Everyone (public): READ" */
export function grantInWords(grant: PublicGrant): string {
  return `${PUBLIC_GRANTEES[grant.granteeUri]}: ${grant.permission}`;
}

function grantRow(grant: PublicGrant): TableCell[] {
  return [
    { text: PUBLIC_GRANTEES[grant.granteeUri], mark: true },
    { text: grant.permission, verbatim: true, mark: true },
    { text: PERMISSION_WORDS[grant.permission] ?? "A permission S3 does not document for buckets" },
  ];
}

export function describeBucketAcl(evidence: BucketAclEvidence): EvidenceBlock[] {
  const bucket = { label: "Bucket", value: evidence.bucket, verbatim: true };
  if ("aclError" in evidence) {
    return [
      factsBlock("Bucket ACL", [
        bucket,
        { label: "ACL", value: "could not be read", mark: true },
        { label: "Call", value: evidence.aclError.api, verbatim: true },
        { label: "AWS answered", value: evidence.aclError.code, verbatim: true },
      ]),
    ];
  }
  if (!isPublicAclEvidence(evidence)) {
    return [factsBlock("Bucket ACL", [bucket]), noteBlock("The ACL grants nothing to everyone or to any AWS account.")];
  }
  return [
    factsBlock("Bucket ACL", [
      bucket,
      evidence.mitigatedBy
        ? { label: "Ignored today by Block Public Access", value: `yes: ${mitigationInWords(evidence.mitigatedBy)} makes S3 ignore these grants` }
        : { label: "Ignored today by Block Public Access", value: "no: the grants are in force now", mark: true },
    ]),
    { kind: "table", title: "Public grants", columns: ["Grantee", "Permission", "What it allows"], rows: evidence.publicGrants.map(grantRow) },
  ];
}
