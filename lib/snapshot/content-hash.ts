/**
 * Content addressing of stored JSON (fact_blob): the canonical text of a value and its sha256.
 * Shared by the collection (manifests, snapshot parts), remediation (evidence) and data access,
 * which stores each distinct content once under this hash.
 */
import { createHash } from "node:crypto";
import stringify from "safe-stable-stringify";

export interface HashedBlob {
  hash: string; // hex sha256
  json: string; // canonical JSON
  value: unknown;
}

export function canonicalJson(value: unknown): string {
  const json = stringify(value);
  if (json === undefined) throw new Error("value cannot be serialised to JSON");
  return json;
}

export function hashBlob(value: unknown): HashedBlob {
  const json = canonicalJson(value);
  return { hash: createHash("sha256").update(json).digest("hex"), json, value };
}
