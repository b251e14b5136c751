/** The checks of exercise 10, in catalogue order: each lives in its own folder beside this file. */
import type { CheckDefinition } from "../types";
import { s3AccountPublicAccessBlock } from "./s3.account-public-access-block/check";
import { s3BucketAclPublic } from "./s3.bucket-acl-public/check";
import { s3BucketPolicyPublic } from "./s3.bucket-policy-public/check";

export const EXERCISE_10_CHECKS: CheckDefinition[] = [s3AccountPublicAccessBlock, s3BucketPolicyPublic, s3BucketAclPublic];
