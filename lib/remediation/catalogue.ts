/**
 * Remediation for a failing finding: each check builds its own, in its folder
 * (lib/checks/exercise-NN/<check id>/remediation.ts), from its typed evidence. "Why it matters" is
 * the check's own, never copied here.
 */
import { getCheck } from "@/lib/checks/registry";
import type { Remediation, RemediationTarget } from "./content";

/** What to do about a failing finding; undefined for a check iamfit does not know. */
export function remediationFor(target: RemediationTarget): Remediation | undefined {
  const check = getCheck(target.checkId);
  if (!check) return undefined;
  return { checkId: target.checkId, why: check.why, ...check.remediation(target) };
}
