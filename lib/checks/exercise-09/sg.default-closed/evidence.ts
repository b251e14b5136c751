/**
 * What sg.default-closed stores: a default group's rules as the snapshot holds them, or, when EC2
 * left the group's name out, only that (the group may be a VPC's default one: not judged).
 */
import { z } from "zod";
import { ipPermissionSchema } from "@/lib/snapshot/schema";

export const defaultGroupEvidenceSchema = z
  .object({
    groupId: z.string(),
    vpcId: z.string().nullable(),
    ingress: z.array(ipPermissionSchema.strict()),
    egress: z.array(ipPermissionSchema.strict()),
  })
  .strict();
export type DefaultGroupEvidence = z.infer<typeof defaultGroupEvidenceSchema>;

export const unnamedGroupEvidenceSchema = z.object({ groupId: z.string(), groupName: z.null() }).strict();
export type UnnamedGroupEvidence = z.infer<typeof unnamedGroupEvidenceSchema>;

export const defaultClosedEvidenceSchema = z.union([defaultGroupEvidenceSchema, unnamedGroupEvidenceSchema]);
export type DefaultClosedEvidence = z.infer<typeof defaultClosedEvidenceSchema>;

export function isDefaultGroupEvidence(evidence: DefaultClosedEvidence): evidence is DefaultGroupEvidence {
  return "ingress" in evidence;
}
