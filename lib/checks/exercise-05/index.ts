/** The checks of exercise 5, in catalogue order: each lives in its own folder beside this file. */
import type { CheckDefinition } from "../types";
import { accessAnalyzerEnabled } from "./accessanalyzer.enabled/check";
import { cloudtrailMultiRegion } from "./cloudtrail.multi-region/check";
import { policiesPrivilegeEscalation } from "./policies.privilege-escalation/check";
import { policiesServiceWildcards } from "./policies.service-wildcards/check";
import { principalsUnused } from "./principals.unused/check";

export const EXERCISE_05_CHECKS: CheckDefinition[] = [policiesServiceWildcards, policiesPrivilegeEscalation, principalsUnused, accessAnalyzerEnabled, cloudtrailMultiRegion];
