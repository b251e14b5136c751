import { factsBlock, noteBlock, statementBlock, type EvidenceBlock, type FactRow } from "../../evidence/blocks";
import { inSentence, statementLabel } from "../../evidence/policy-statement";
import { mitigationInWords } from "../../s3-buckets";
import { isPublicPolicyEvidence, type BucketPolicyEvidence, type PublicPolicyEvidence } from "./evidence";

const DOCUMENT_ERRORS = { missing: "missing", malformed_json: "not valid JSON", invalid_policy: "not a valid policy" } as const;

const bucketRow = (bucket: string): FactRow => ({ label: "Bucket", value: bucket, verbatim: true });

function awsSaysRow(policyIsPublic: boolean | null): FactRow {
  return { label: "AWS calls the policy public", value: policyIsPublic === null ? "not known" : policyIsPublic ? "yes" : "no", mark: policyIsPublic === true };
}

function describePublic(evidence: PublicPolicyEvidence): EvidenceBlock[] {
  const blocks: EvidenceBlock[] = [
    factsBlock("Bucket policy", [
      bucketRow(evidence.bucket),
      awsSaysRow(evidence.policyIsPublic),
      evidence.mitigatedBy
        ? { label: "Blocked today by Block Public Access", value: `yes: ${mitigationInWords(evidence.mitigatedBy)} stops access by everyone` }
        : { label: "Blocked today by Block Public Access", value: "no: anyone on the internet can use it now", mark: true },
    ]),
  ];
  if (evidence.publicStatements.length === 0) {
    blocks.push(noteBlock("AWS reports the policy as public, though iamfit found no single statement that allows everyone without a restricting condition."));
  }
  for (const entry of evidence.publicStatements) {
    const label = statementLabel(entry.statement);
    blocks.push(statementBlock({ title: `Bucket policy, ${inSentence(label)}`, statement: entry.statement.statement, attachedTo: [evidence.bucket] }));
    if (entry.nonRestrictingConditionKeys.length > 0) {
      blocks.push(
        factsBlock(`${label}: its conditions`, [{ label: "Conditions that do not restrict who can call", value: entry.nonRestrictingConditionKeys.join(", "), verbatim: true }]),
      );
    }
  }
  return blocks;
}

export function describeBucketPolicy(evidence: BucketPolicyEvidence): EvidenceBlock[] {
  if (isPublicPolicyEvidence(evidence)) return describePublic(evidence);
  if ("policy" in evidence) return [factsBlock("Bucket policy", [bucketRow(evidence.bucket), { label: "Policy", value: "none" }])];
  if ("policyError" in evidence) {
    return [
      factsBlock("Bucket policy", [
        bucketRow(evidence.bucket),
        { label: "Policy", value: "could not be read", mark: true },
        { label: "Call", value: evidence.policyError.api, verbatim: true },
        { label: "AWS answered", value: evidence.policyError.code, verbatim: true },
      ]),
    ];
  }
  if ("error" in evidence) {
    return [
      factsBlock("Bucket policy", [
        bucketRow(evidence.bucket),
        { label: "Policy", value: DOCUMENT_ERRORS[evidence.error.kind], mark: true },
        { label: "What went wrong", value: evidence.error.message, verbatim: true },
      ]),
    ];
  }
  return [
    factsBlock("Bucket policy", [bucketRow(evidence.bucket), awsSaysRow(evidence.policyIsPublic)]),
    noteBlock("No statement allows everyone without a condition that restricts who can call."),
  ];
}
