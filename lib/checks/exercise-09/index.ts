/** The checks of exercise 9, in catalogue order: each lives in its own folder beside this file. */
import type { CheckDefinition } from "../types";
import { policiesAllowNotAction } from "./policies.allow-not-action/check";
import { sgAdminPortsOpen } from "./sg.admin-ports-open/check";
import { sgDefaultClosed } from "./sg.default-closed/check";

export const EXERCISE_09_CHECKS: CheckDefinition[] = [sgAdminPortsOpen, sgDefaultClosed, policiesAllowNotAction];
