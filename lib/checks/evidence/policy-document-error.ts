/**
 * Why a policy document could not be read (lib/policy/document.ts PolicyDocumentError), as
 * evidence stores it and in words a person reads.
 */
import { z } from "zod";
import type { PolicyDocumentErrorKind } from "@/lib/policy/document";

export const policyDocumentErrorKindSchema = z.enum(["missing", "malformed_json", "invalid_policy"]) satisfies z.ZodType<PolicyDocumentErrorKind>;

const WORDS: Record<PolicyDocumentErrorKind, string> = {
  missing: "was not collected",
  malformed_json: "is not valid JSON",
  invalid_policy: "is not a valid policy",
};

/** "the trust policy is not valid JSON", for `document` "the trust policy". */
export function policyDocumentErrorInWords(document: string, kind: PolicyDocumentErrorKind): string {
  return `${document} ${WORDS[kind]}`;
}
