/**
 * How collectors make calls and report results: every failure leaves a collector as a
 * CollectorFailure naming the operation and region, and every result is checked against the
 * snapshot schema before it is returned, so drift in what AWS (or the sandbox) answers is caught
 * where it enters.
 */
import type { z } from "zod";
import type { FieldResult } from "@/lib/snapshot/schema";
import type { AwsOperation } from "../api-calls";
import { CollectorFailure, isAwsError, toCollectorError } from "../errors";

/** Errors from AWS leave as CollectorFailure; anything else (a bug in iamfit) is rethrown as it is. */
export async function awsCall<T>(api: AwsOperation, region: string | undefined, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CollectorFailure || !isAwsError(error)) throw error;
    throw new CollectorFailure(toCollectorError(error, api, region), { cause: error });
  }
}

/** One per-resource sub-result: an AWS failure is recorded in place instead of failing the part. */
export async function fieldCall<T>(
  api: AwsOperation,
  region: string | undefined,
  call: () => Promise<T>,
): Promise<FieldResult<T>> {
  try {
    return { ok: true, value: await awsCall(api, region, call) };
  } catch (error) {
    if (!isAwsError(error)) throw error;
    return { ok: false, error: toCollectorError(error, api, region) };
  }
}

export function validatePart<S extends z.ZodType>(
  schema: S,
  data: unknown,
  api: AwsOperation,
  region?: string,
): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  throw new CollectorFailure({
    api,
    code: "InvalidResponse",
    message: `${api}${region ? ` in ${region}` : ""} answered with data iamfit does not understand (${issues}). Please report this with the iamfit version.`,
    ...(region ? { region } : {}),
  });
}
