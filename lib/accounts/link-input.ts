/**
 * What linking an account takes, validated the same way in the UI, the CLI and the API.
 * AWS rules: account ids are 12 digits; role ARNs are arn:<partition>:iam::<account>:role/<path/name>;
 * ExternalId is 2–1224 characters of [\w+=,.@:/-] (STS AssumeRole API reference).
 */
import { z } from "zod";

export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
export const ROLE_ARN_PATTERN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
export const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;
export const DEFAULT_AUDIT_ROLE_NAME = "iamfit-audit";

const tagKey = z.string().trim().min(1, "tag keys cannot be empty").max(128, "tag keys are at most 128 characters");
const tagValue = z.string().trim().max(256, "tag values are at most 256 characters");

export const linkAccountInputSchema = z
  .object({
    accountId: z.string().trim().regex(ACCOUNT_ID_PATTERN, "must be exactly 12 digits, e.g. 123456789012"),
    /** A full role ARN, or just the role name in that account. */
    role: z.string().trim().min(1, "enter the audit role's ARN or name").default(DEFAULT_AUDIT_ROLE_NAME),
    externalId: z
      .string()
      .trim()
      .regex(EXTERNAL_ID_PATTERN, "must be 2–1224 characters of letters, digits and +=,.@:/-")
      .optional(),
    name: z.string().trim().max(100, "is at most 100 characters").optional(),
    tags: z.record(tagKey, tagValue).default({}),
  })
  .transform((input, context) => {
    let roleArn: string;
    const arn = ROLE_ARN_PATTERN.exec(input.role);
    if (arn) {
      if (arn[2] !== input.accountId) {
        context.addIssue({
          code: "custom",
          path: ["role"],
          message: `belongs to account ${arn[2]}, not ${input.accountId}; the audit role must live in the account it audits`,
        });
        return z.NEVER;
      }
      roleArn = input.role;
    } else if (ROLE_NAME_PATTERN.test(input.role)) {
      roleArn = `arn:aws:iam::${input.accountId}:role/${input.role}`;
    } else {
      context.addIssue({
        code: "custom",
        path: ["role"],
        message: "must be a role ARN (arn:aws:iam::123456789012:role/iamfit-audit) or a role name (letters, digits and +=,.@_-)",
      });
      return z.NEVER;
    }
    return {
      accountId: input.accountId,
      roleArn,
      externalId: input.externalId,
      name: input.name && input.name.length > 0 ? input.name : input.accountId,
      tags: input.tags,
    };
  });

export type LinkAccountInput = z.input<typeof linkAccountInputSchema>;
export type ValidLinkAccountInput = z.output<typeof linkAccountInputSchema>;

/** Field → first message, for forms and CLI output. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** "tag=value,team=x" as used on the CLI. */
export function parseTagList(list: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const pair of list.split(",").map((item) => item.trim()).filter(Boolean)) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new Error(`tag "${pair}" must look like key=value`);
    tags[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return tags;
}
