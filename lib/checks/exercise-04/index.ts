/** The checks of exercise 4, in catalogue order: each lives in its own folder beside this file. */
import type { CheckDefinition } from "../types";
import { ec2InstanceProfile } from "./ec2.instance-profile/check";
import { ec2RoleNotAdmin } from "./ec2.role-not-admin/check";
import { usersWorkloadKeys } from "./users.workload-keys/check";

export const EXERCISE_04_CHECKS: CheckDefinition[] = [ec2InstanceProfile, usersWorkloadKeys, ec2RoleNotAdmin];
