/** What ec2.instance-profile stores: the running instance and its instance profile, if any. */
import { z } from "zod";

export const instanceProfileEvidenceSchema = z.object({ instanceId: z.string(), state: z.string(), iamInstanceProfileArn: z.string().nullable() }).strict();
export type InstanceProfileEvidence = z.infer<typeof instanceProfileEvidenceSchema>;
