/**
 * Is a principal made to use MFA? Seed 003 ("Apply an MFA Enforced Policy") and AWS's own example
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html)
 * use two shapes: a Deny of (nearly) everything when `aws:MultiFactorAuthPresent` is false,
 * or Allows that only apply when it is true. Rather than recognise shapes, the one evaluator is
 * asked what a request signed with a long-term access key alone may do: such a request carries
 * neither aws:MultiFactorAuthPresent nor aws:MultiFactorAuthAge
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent).
 */
import { boolValue, clausesFor, parseConditionOperator } from "./conditions";
import type { RequestContext } from "./condition-evaluation";
import type { ConditionClause } from "./document";
import { evaluateAccess, isAllowed, type MatchedStatement, type PrincipalPolicySet } from "./evaluator";

/**
 * MFA is required when the condition fails without it. `BoolIfExists … true` does not qualify:
 * requests signed with long-term keys carry no aws:MultiFactorAuthPresent key at all
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent).
 */
export function requiresMfa(conditions: ConditionClause[]): boolean {
  const present = clausesFor(conditions, "aws:MultiFactorAuthPresent").some((clause) => {
    const operator = parseConditionOperator(clause.operator);
    return operator.base === "bool" && !operator.ifExists && boolValue(clause.values) === true;
  });
  const age = clausesFor(conditions, "aws:MultiFactorAuthAge").some((clause) => {
    const operator = parseConditionOperator(clause.operator);
    if (operator.base === "null") return boolValue(clause.values) === false;
    return (operator.base === "numericlessthan" || operator.base === "numericlessthanequals") && !operator.ifExists;
  });
  return present || age;
}

/**
 * Everyday actions a person with access would call, none of them the MFA self-service actions
 * that AWS's example leaves open without MFA (managing one's own MFA device, sts:GetSessionToken).
 */
export const MFA_PROBE_ACTIONS = [
  "s3:ListAllMyBuckets",
  "s3:GetObject",
  "ec2:DescribeInstances",
  "ec2:RunInstances",
  "iam:CreateAccessKey",
  "iam:AttachUserPolicy",
  "sts:AssumeRole",
  "lambda:InvokeFunction",
  "dynamodb:GetItem",
  "secretsmanager:GetSecretValue",
  "kms:Decrypt",
] as const;

/** A request signed with a long-term access key: both MFA keys are absent. */
export const SIGNED_WITH_ACCESS_KEY: RequestContext = { "aws:MultiFactorAuthPresent": null, "aws:MultiFactorAuthAge": null };
/** A console session signed in without MFA: the key is present and false. */
export const CONSOLE_WITHOUT_MFA: RequestContext = { "aws:MultiFactorAuthPresent": "false", "aws:MultiFactorAuthAge": null };
export const SIGNED_IN_WITH_MFA: RequestContext = { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "0" };

export interface MfaEnforcement {
  /** Access-key requests are denied whatever else allows them, or nothing is allowed without MFA. */
  enforced: boolean;
  /** Access-key requests are denied for every probe action, whatever any policy allows. */
  deniedEverywhere: boolean;
  /** Probe actions allowed with MFA. */
  allowedWithMfa: string[];
  /** Of those, the ones still allowed (perhaps under other conditions) with an access key alone. */
  usableWithAccessKey: string[];
  /** Probe actions a console session without MFA is denied but an access-key request is not. */
  deniedOnlyInConsole: string[];
  /** The Denies that stop access-key requests. */
  deniedBy: MatchedStatement[];
  /** The Denies that stop only console sessions without MFA. */
  consoleDeniedBy: MatchedStatement[];
  serviceControlPoliciesConsidered: boolean;
}

/**
 * "Subject to a policy that denies without MFA" does not depend on what the principal is
 * allowed: the Denies are asked as if some policy allowed everything.
 */
const ALLOW_EVERYTHING: PrincipalPolicySet["identity"][number] = {
  source: { via: "direct", attachment: "inline", policyName: "(any allow)" },
  policy: { statements: [{ index: 0, effect: "Allow", actions: ["*"], resources: ["*"], conditions: [], raw: { Effect: "Allow", Action: "*", Resource: "*" } }] },
};

function uniqueStatements(statements: MatchedStatement[]): MatchedStatement[] {
  const seen = new Map<string, MatchedStatement>();
  for (const statement of statements) seen.set(`${JSON.stringify(statement.policy)}#${statement.statement.index}`, statement);
  return [...seen.values()];
}

export function mfaEnforcement(set: PrincipalPolicySet): MfaEnforcement {
  const withAnyAllow: PrincipalPolicySet = { ...set, identity: [...set.identity, ALLOW_EVERYTHING] };
  const allowedWithMfa: string[] = [];
  const usableWithAccessKey: string[] = [];
  const deniedOnlyInConsole: string[] = [];
  const deniedBy: MatchedStatement[] = [];
  const consoleDeniedBy: MatchedStatement[] = [];
  let keysDeniedEverywhere = true;
  for (const action of MFA_PROBE_ACTIONS) {
    const keyDenial = evaluateAccess(withAnyAllow, { action, context: SIGNED_WITH_ACCESS_KEY });
    if (keyDenial.decision === "denied") deniedBy.push(...keyDenial.denies.filter((deny) => !deny.conditional));
    else {
      keysDeniedEverywhere = false;
      const consoleDenial = evaluateAccess(withAnyAllow, { action, context: CONSOLE_WITHOUT_MFA });
      if (consoleDenial.decision === "denied") {
        deniedOnlyInConsole.push(action);
        consoleDeniedBy.push(...consoleDenial.denies.filter((deny) => !deny.conditional));
      }
    }
    if (!isAllowed(evaluateAccess(set, { action, context: SIGNED_IN_WITH_MFA }))) continue;
    allowedWithMfa.push(action);
    if (isAllowed(evaluateAccess(set, { action, context: SIGNED_WITH_ACCESS_KEY }))) usableWithAccessKey.push(action);
  }
  const enforcedByAllows = allowedWithMfa.length > 0 && usableWithAccessKey.length === 0;
  return {
    enforced: keysDeniedEverywhere || enforcedByAllows,
    deniedEverywhere: keysDeniedEverywhere,
    allowedWithMfa,
    usableWithAccessKey,
    deniedOnlyInConsole,
    deniedBy: uniqueStatements(deniedBy),
    consoleDeniedBy: uniqueStatements(consoleDeniedBy),
    serviceControlPoliciesConsidered: set.serviceControlPolicies !== undefined,
  };
}
