/**
 * What a password must be: at least 12 characters (NIST SP 800-63B asks for 8 or more and
 * recommends longer; 12 is this installation's floor) and not easy to guess, judged by zxcvbn
 * against common passwords, keyboard patterns and the person's own name and email.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-policy-limits";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };
/** zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

function passwordEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/** null when the password is acceptable, else the reason to show next to the field. */
export function passwordProblem(password: string, personalWords: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const words = personalWords
    .flatMap((word) => {
      const lower = word.toLowerCase();
      return [lower, lower.split("@")[0] ?? "", ...lower.split(/[^a-z0-9]+/)];
    })
    .filter((word) => word.length >= 3);
  if (passwordEstimator().check(password, words).score < MIN_SCORE) {
    return "This password is too easy to guess (a common password, a pattern, or your own name or email). Try a few unrelated words.";
  }
  return null;
}
