/**
 * The hand-written remediation targets must look like what the checks emit: for a check in its
 * own folder, each target's evidence parses with the check's schema (targets had drifted from
 * the checks: `allow_all` where checks emit `full_wildcard`).
 */
import { describe, expect, it } from "vitest";
import { CHECKS } from "@/lib/checks/registry";
import type { CheckDefinition } from "@/lib/checks/types";
import { HOSTILE_NAMES, PLAIN_NAMES, targetFor } from "./targets";

function schemaIssues(check: CheckDefinition, names = PLAIN_NAMES): string[] {
  const result = check.evidenceSchema.safeParse(targetFor(check.id, names).evidence);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".") || "(evidence)"}: ${issue.message}`);
}

describe.each(CHECKS.map((check) => [check.id, check] as const))("the remediation target of %s", (_, check) => {
  it.each([
    ["plain", PLAIN_NAMES],
    ["hostile", HOSTILE_NAMES],
  ])("has evidence its check's schema accepts (%s names)", (__, names) => {
    expect(schemaIssues(check, names)).toEqual([]);
  });
});
