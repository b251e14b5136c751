/**
 * What ec2.in-autoscaling-group stores for a running instance that serves traffic: why iamfit
 * counts it as serving (in words, from servingReason) and the Auto Scaling group it belongs to.
 */
import { z } from "zod";

export const inAutoscalingGroupEvidenceSchema = z
  .object({
    instanceId: z.string(),
    /** "public IP 203.0.113.5", "sg-0abc open to the internet on 80/443" (servingReason). */
    servingBecause: z.array(z.string()).min(1),
    autoScalingGroup: z.string().nullable(),
  })
  .strict();
export type InAutoscalingGroupEvidence = z.infer<typeof inAutoscalingGroupEvidenceSchema>;

const PUBLIC_IP = "public IP ";

/** The reasons an instance counts as serving traffic, as the evidence words them. */
export const servingReason = {
  publicIp: (address: string) => `${PUBLIC_IP}${address}`,
  openGroup: (groupId: string) => `${groupId} open to the internet on 80/443`,
};

/** The instance's public address, when that is one of the reasons it serves traffic. */
export function publicIpOf(evidence: InAutoscalingGroupEvidence): string | undefined {
  return evidence.servingBecause.find((reason) => reason.startsWith(PUBLIC_IP))?.slice(PUBLIC_IP.length);
}
