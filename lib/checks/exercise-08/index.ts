/** The checks of exercise 8, in catalogue order: each lives in its own folder beside this file. */
import type { CheckDefinition } from "../types";
import { asgCanScale } from "./asg.can-scale/check";
import { ec2InAutoscalingGroup } from "./ec2.in-autoscaling-group/check";

export const EXERCISE_08_CHECKS: CheckDefinition[] = [ec2InAutoscalingGroup, asgCanScale];
