/** The checks of exercise 6, in catalogue order: each lives in its own folder beside this file. */
import type { CheckDefinition } from "../types";
import { credentialsUnused } from "./credentials.unused/check";
import { keysRotated } from "./keys.rotated/check";
import { keysSingleActive } from "./keys.single-active/check";
import { passwordPolicyStrong } from "./password-policy.strong/check";

export const EXERCISE_06_CHECKS: CheckDefinition[] = [keysRotated, keysSingleActive, credentialsUnused, passwordPolicyStrong];
