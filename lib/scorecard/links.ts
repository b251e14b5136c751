/**
 * Addresses of the scorecard views. Resource ids are ARNs full of `/`, `:` and `#`, and names
 * come from AWS, so a resource travels as one encoded query value (`?id=`), never as path segments.
 */
import type { ExerciseNumber } from "@/lib/checks/types";

export function accountHref(awsAccountId: string): string {
  return `/accounts/${awsAccountId}`;
}

export function accountExerciseHref(awsAccountId: string, exercise: ExerciseNumber, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `/accounts/${awsAccountId}/exercises/${exercise}${search ? `?${search}` : ""}`;
}

export function exerciseHref(exercise: ExerciseNumber, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `/exercises/${exercise}${search ? `?${search}` : ""}`;
}

export function resourceHref(awsAccountId: string, resourceId: string): string {
  return `/accounts/${awsAccountId}/resources?${new URLSearchParams({ id: resourceId }).toString()}`;
}

/**
 * Where to fix a failing check: the account's remediation checklist (its items carry the steps and
 * commands with the real names), or the organization's checklists when no account is in view.
 */
export function remediationHref(checkId: string, awsAccountId?: string): string {
  return awsAccountId
    ? `/accounts/${awsAccountId}/checklist#check-${encodeURIComponent(checkId)}`
    : `/checklists#check-${encodeURIComponent(checkId)}`;
}

export function changesHref(query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `/changes${search ? `?${search}` : ""}`;
}
