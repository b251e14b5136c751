/**
 * What s3.account-public-access-block stores: the account's four settings as S3 Control reports
 * them, or null for NoSuchPublicAccessBlockConfiguration (all four off).
 */
import { z } from "zod";
import { publicAccessBlockSchema } from "@/lib/snapshot/schema";

export const accountBlockEvidenceSchema = z.object({ configuration: publicAccessBlockSchema.strict().nullable() }).strict();
export type AccountBlockEvidence = z.infer<typeof accountBlockEvidenceSchema>;
