/** The checks of exercise 3, in catalogue order: each lives in its own folder beside this file. */
import type { CheckDefinition } from "../types";
import { adminsCount } from "./admins.count/check";
import { identityCenterAdminAssignments } from "./identity-center.admin-assignments/check";
import { identityCenterDirectUserAssignments } from "./identity-center.direct-user-assignments/check";
import { policiesNoStarStar } from "./policies.no-star-star/check";
import { usersPermissionsViaGroups } from "./users.permissions-via-groups/check";

export const EXERCISE_03_CHECKS: CheckDefinition[] = [
  adminsCount,
  policiesNoStarStar,
  usersPermissionsViaGroups,
  identityCenterAdminAssignments,
  identityCenterDirectUserAssignments,
];
