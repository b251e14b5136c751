/**
 * IAM returns policy documents URL-encoded (RFC 3986) in GetAccountAuthorizationDetails and the
 * Get*Policy APIs; S3 bucket policies come as plain JSON. Documents are untrusted input: a
 * document that cannot be decoded or parsed is kept, marked, instead of failing the whole part.
 */
import type { z } from "zod";
import type { malformedPolicyDocumentSchema } from "@/lib/snapshot/schema";

export type MalformedPolicyDocument = z.infer<typeof malformedPolicyDocumentSchema>;

/** A URL-encoded IAM policy document: decodeURIComponent, then JSON.parse. */
export function decodeIamPolicyDocument(raw: string): unknown {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch (error) {
    return malformed(raw, `not valid URL encoding: ${describe(error)}`);
  }
  return parsePolicyJson(decoded, raw);
}

/** A policy document that is plain JSON (S3 GetBucketPolicy). */
export function parsePolicyJson(json: string, raw: string = json): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    return malformed(raw, `not valid JSON: ${describe(error)}`);
  }
}

export function isMalformedPolicyDocument(document: unknown): document is MalformedPolicyDocument {
  return typeof document === "object" && document !== null && (document as { $malformed?: unknown }).$malformed === true;
}

function malformed(raw: string, error: string): MalformedPolicyDocument {
  return { $malformed: true, raw, error };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
