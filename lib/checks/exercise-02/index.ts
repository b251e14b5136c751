/** The checks of exercise 2, in catalogue order: each lives in its own folder beside this file. */
import type { CheckDefinition } from "../types";
import { rootHardwareMfa } from "./root.hardware-mfa/check";
import { rootMfa } from "./root.mfa/check";
import { usersConsoleMfa } from "./users.console-mfa/check";
import { usersMfaEnforced } from "./users.mfa-enforced/check";

export const EXERCISE_02_CHECKS: CheckDefinition[] = [rootMfa, rootHardwareMfa, usersConsoleMfa, usersMfaEnforced];
