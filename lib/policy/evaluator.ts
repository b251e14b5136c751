/**
 * The one evaluation of a principal's identity policies that every IAM question in iamfit asks
 * (admin detection, privilege escalation, MFA enforcement, role chains, workload roles): is
 * action A on resource R allowed, allowed only under conditions, explicitly denied, or not
 * allowed at all, and by which statement of which policy attached where.
 *
 * AWS's order for a request inside one account, reduced to what stored policies can show
 * ("Policy evaluation logic",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * 1. an explicit Deny in any policy (SCP, permissions boundary, identity policy) wins;
 * 2. each service control policy level from the root down to the account must Allow
 *    (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html);
 * 3. a permissions boundary, when set, must Allow
 *    (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html);
 * 4. an identity policy must Allow; otherwise the request is implicitly denied.
 * Resource-based policies and session policies are not part of a stored principal's answer.
 *
 * Conditions are decided from the request facts the caller knows (condition-evaluation.ts); a
 * statement whose condition stays undecided applies conditionally: an Allow then grants
 * "allowed_conditionally", and a Deny can only make the answer conditional.
 */
import { evaluateConditions, type RequestContext } from "./condition-evaluation";
import { statementEvidence, type NormalizedPolicy, type PolicyDocumentError, type PolicyStatement, type StatementEvidence } from "./document";
import { isAllActionsPattern, statementCoversAllResources, statementMatchesAction, statementMatchesResource, type PolicyVariables } from "./matching";
import type { PolicySourceRef } from "./principal-policies";

export type PolicyRef =
  | ({ layer: "identity" } & PolicySourceRef)
  | { layer: "boundary"; policyName: string; policyArn: string }
  | { layer: "scp"; policyName: string; policyId?: string; target: string };

export interface ServiceControlPolicyLevel {
  /** Where the policies are attached, as a person reads it: "organization root", "OU Production", "account 1111…". */
  target: string;
  policies: Array<{ policyName: string; policyId?: string; policy: NormalizedPolicy }>;
}

export interface PrincipalPolicySet {
  identity: Array<{ source: PolicySourceRef; policy: NormalizedPolicy }>;
  /** Identity policies that could not be read: any of them might allow or deny. */
  unreadable: Array<{ source: PolicySourceRef; error: PolicyDocumentError }>;
  /** Absent: no permissions boundary. Without `policy` the boundary could not be read. */
  boundary?: { policyArn: string; policyName: string; policy?: NormalizedPolicy; error?: PolicyDocumentError };
  /** Absent: service control policies were not considered (not readable, or not collected). */
  serviceControlPolicies?: ServiceControlPolicyLevel[];
}

export interface AccessRequest {
  /** A concrete action ("iam:PassRole"), or "*" for "every action". */
  action: string;
  /** A concrete ARN; "*" for "every resource"; absent for "at least one resource". */
  resource?: string;
  context?: RequestContext;
  variables?: PolicyVariables;
  /** Ignore Allows whose every Resource names the caller itself (`${aws:username}`). */
  excludeSelfScoped?: boolean;
}

export type AccessDecision = "allowed" | "allowed_conditionally" | "denied" | "not_allowed";

export interface MatchedStatement {
  policy: PolicyRef;
  statement: StatementEvidence;
  /** Its condition could not be decided from the request facts. */
  conditional: boolean;
  /** It applies to every resource, not only some. */
  allResources: boolean;
  /** An Allow written with NotAction: every action except those listed. */
  notAction: boolean;
}

export interface AccessEvaluation {
  decision: AccessDecision;
  /** The identity-policy Allows that grant the request. */
  allows: MatchedStatement[];
  /** Denies that apply to the whole request; unconditional ones decide "denied". */
  denies: MatchedStatement[];
  /** Denies that take away part of it (some actions or resources): exceptions, not a refusal. */
  exceptions: MatchedStatement[];
  /** Which layer has no Allow, when "not_allowed". */
  missingAllow?: { layer: "identity" | "boundary" | "scp"; target?: string };
  serviceControlPoliciesConsidered: boolean;
  /** Some policy that applies could not be read, so a "no" may be wrong. */
  incomplete: boolean;
}

type Coverage = "full" | "partial" | "none";

const SELF_VARIABLE = /\$\{aws:username\}/i;

function actionCoverage(statement: PolicyStatement, action: string): Coverage {
  if (action !== "*") return statementMatchesAction(statement, action) ? "full" : "none";
  if (statement.actions) return statement.actions.some(isAllActionsPattern) ? "full" : "partial";
  // NotAction leaves every action but the listed ones: as a grant that is "all" (AWS-NOTES), as a Deny only part.
  return statement.notActions?.some(isAllActionsPattern) ? "none" : "partial";
}

function resourceCoverage(statement: PolicyStatement, request: AccessRequest): Coverage {
  if (request.resource === undefined || request.resource === "*") return statementCoversAllResources(statement) ? "full" : "partial";
  return statementMatchesResource(statement, request.resource, request.variables) ? "full" : "none";
}

function matched(policy: PolicyRef, statement: PolicyStatement, conditional: boolean): MatchedStatement {
  return {
    policy,
    statement: statementEvidence(statement),
    conditional,
    allResources: statementCoversAllResources(statement),
    notAction: statement.notActions !== undefined,
  };
}

interface LayerResult {
  allows: MatchedStatement[];
  denies: MatchedStatement[];
  exceptions: MatchedStatement[];
}

function evaluateLayer(policies: Array<{ ref: PolicyRef; policy: NormalizedPolicy }>, request: AccessRequest, honourSelfScope: boolean): LayerResult {
  const result: LayerResult = { allows: [], denies: [], exceptions: [] };
  for (const { ref, policy } of policies) {
    for (const statement of policy.statements) {
      const condition = evaluateConditions(statement.conditions, request.context);
      if (condition === false) continue;
      const conditional = condition === undefined;
      const actions = actionCoverage(statement, request.action);
      if (actions === "none") continue;
      const resources = resourceCoverage(statement, request);
      if (resources === "none") continue;
      if (statement.effect === "Deny") {
        (actions === "full" && resources === "full" ? result.denies : result.exceptions).push(matched(ref, statement, conditional));
        continue;
      }
      const grantsActions = actions === "full" || (request.action === "*" && statement.notActions !== undefined);
      // "At least one resource" is granted by any Resource; "every resource" needs them all.
      const grantsResources = resources === "full" || request.resource === undefined;
      if (!grantsActions || !grantsResources) continue;
      if (honourSelfScope && request.excludeSelfScoped && statement.resources?.length && statement.resources.every((r) => SELF_VARIABLE.test(r)))
        continue;
      result.allows.push(matched(ref, statement, conditional));
    }
  }
  return result;
}

const allConditional = (statements: MatchedStatement[]) => statements.length > 0 && statements.every((statement) => statement.conditional);

export function evaluateAccess(set: PrincipalPolicySet, request: AccessRequest): AccessEvaluation {
  const identity = evaluateLayer(
    set.identity.map(({ source, policy }) => ({ ref: { layer: "identity" as const, ...source }, policy })),
    request,
    true,
  );
  const boundary =
    set.boundary?.policy === undefined
      ? undefined
      : evaluateLayer(
          [{ ref: { layer: "boundary", policyName: set.boundary.policyName, policyArn: set.boundary.policyArn }, policy: set.boundary.policy }],
          request,
          false,
        );
  const scpLevels = (set.serviceControlPolicies ?? []).map((level) => ({
    target: level.target,
    result: evaluateLayer(
      level.policies.map((entry) => ({
        ref: { layer: "scp" as const, policyName: entry.policyName, target: level.target, ...(entry.policyId ? { policyId: entry.policyId } : {}) },
        policy: entry.policy,
      })),
      request,
      false,
    ),
  }));
  const layers = [identity, ...(boundary ? [boundary] : []), ...scpLevels.map((level) => level.result)];
  const denies = layers.flatMap((layer) => layer.denies);
  const base = {
    allows: identity.allows,
    denies,
    exceptions: layers.flatMap((layer) => layer.exceptions),
    serviceControlPoliciesConsidered: set.serviceControlPolicies !== undefined,
    incomplete: set.unreadable.length > 0 || (set.boundary !== undefined && set.boundary.policy === undefined),
  };
  if (denies.some((deny) => !deny.conditional)) return { ...base, decision: "denied" };
  const missingScp = scpLevels.find((level) => level.result.allows.length === 0);
  if (missingScp) return { ...base, decision: "not_allowed", missingAllow: { layer: "scp", target: missingScp.target } };
  if (boundary && boundary.allows.length === 0) return { ...base, decision: "not_allowed", missingAllow: { layer: "boundary" } };
  if (identity.allows.length === 0) return { ...base, decision: "not_allowed", missingAllow: { layer: "identity" } };
  const conditional =
    denies.length > 0 ||
    allConditional(identity.allows) ||
    (boundary !== undefined && allConditional(boundary.allows)) ||
    scpLevels.some((level) => allConditional(level.result.allows));
  return { ...base, decision: conditional ? "allowed_conditionally" : "allowed" };
}

export function isAllowed(evaluation: AccessEvaluation): boolean {
  return evaluation.decision === "allowed" || evaluation.decision === "allowed_conditionally";
}

/** Where a policy is attached, as a person reads it: "group admins › managed policy AdministratorAccess". */
export function describePolicyRef(ref: PolicyRef): string {
  if (ref.layer === "boundary") return `permissions boundary ${ref.policyName}`;
  if (ref.layer === "scp") return `service control policy ${ref.policyName} on ${ref.target}`;
  const kind = ref.attachment === "inline" ? "inline policy" : "managed policy";
  return `${ref.via === "group" ? `group ${ref.groupName ?? "?"} › ` : ""}${kind} ${ref.policyName}`;
}

/** One sentence on why the answer is what it is, for evidence and reasons. */
export function explainAccess(evaluation: AccessEvaluation): string {
  const statementOf = (entry: MatchedStatement) => `${describePolicyRef(entry.policy)} (statement ${entry.statement.index})`;
  const scps = evaluation.serviceControlPoliciesConsidered ? "" : " Service control policies were not considered.";
  switch (evaluation.decision) {
    case "denied": {
      const deny = evaluation.denies.find((entry) => !entry.conditional) ?? evaluation.denies[0];
      return `Denied by ${deny ? statementOf(deny) : "an explicit Deny"}.${scps}`;
    }
    case "not_allowed": {
      const missing = evaluation.missingAllow;
      const where =
        missing?.layer === "boundary"
          ? "the permissions boundary does not allow it"
          : missing?.layer === "scp"
            ? `no service control policy on ${missing.target ?? "one level"} allows it`
            : "no identity policy allows it";
      return `Not allowed: ${where}.${evaluation.incomplete ? " Some policies could not be read." : ""}${scps}`;
    }
    case "allowed":
    case "allowed_conditionally": {
      const first = evaluation.allows[0];
      const how = first ? statementOf(first) : "an identity policy";
      const conditionNote = evaluation.decision === "allowed_conditionally" ? " only under conditions" : "";
      return `Allowed${conditionNote} by ${how}.${scps}`;
    }
  }
}
