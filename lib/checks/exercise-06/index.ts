/** The checks of exercise 6, in catalogue order: each lives in its own folder beside this file. */
import { credentialsUnused, keysSingleActive, passwordPolicyStrong } from "../exercise-06-key-rotation";
import type { CheckDefinition } from "../types";
import { keysRotated } from "./keys.rotated/check";

export const EXERCISE_06_CHECKS: CheckDefinition[] = [keysRotated, keysSingleActive, credentialsUnused, passwordPolicyStrong];
