/** The checks of exercise 1, in catalogue order: each lives in its own folder beside this file. */
import type { CheckDefinition } from "../types";
import { rootAccessKeys } from "./root.access-keys/check";
import { rootRecentUse } from "./root.recent-use/check";

export const EXERCISE_01_CHECKS: CheckDefinition[] = [rootAccessKeys, rootRecentUse];
