/** The checks of exercise 7, in catalogue order: each lives in its own folder beside this file. */
import type { CheckDefinition } from "../types";
import { rolesCrossAccountConditions } from "./roles.cross-account-conditions/check";
import { identityCenterSessionDuration } from "./identity-center.session-duration/check";
import { rolesShortSessions } from "./roles.short-sessions/check";
import { stsGlobalTokenV2 } from "./sts.global-token-v2/check";
import { stsRegionsUnusedDisabled } from "./sts.regions-unused-disabled/check";
import { usersHumansViaRoles } from "./users.humans-via-roles/check";

export const EXERCISE_07_CHECKS: CheckDefinition[] = [stsRegionsUnusedDisabled, stsGlobalTokenV2, rolesCrossAccountConditions, rolesShortSessions, usersHumansViaRoles, identityCenterSessionDuration];
