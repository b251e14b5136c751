import { describe, expect, it } from "vitest";
import { renderCommand } from "@/lib/remediation/shell";
import { targetFor } from "@/lib/remediation/testing/targets";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run } from "../../testing/run-check";
import { ok, permission, regional, securityGroup, snapshot } from "../../testing/snapshot-factory";
import { sgDefaultClosed } from "./check";
import { defaultClosedEvidenceSchema } from "./evidence";

const REGION = "eu-west-1";
const groupsSnapshot = (groups: ReturnType<typeof securityGroup>[]) => snapshot({ [regional("ec2.securityGroups", REGION)]: ok(groups) }, [REGION]);

const selfReferencing = (groupId: string) => ({ ...permission("-1", undefined, undefined, []), userIdGroupPairs: [groupId] });
const openDefault = securityGroup("sg-open-default", {
  groupName: "default",
  ingress: [selfReferencing("sg-open-default")],
  egress: [permission("-1", undefined, undefined, ["0.0.0.0/0"])],
});

describe("sg.default-closed", () => {
  it("judges only default groups", () => {
    const findings = run(
      sgDefaultClosed,
      groupsSnapshot([
        securityGroup("sg-open-default", { groupName: "default", ingress: [permission("-1", undefined, undefined, [])], egress: [permission("-1", undefined, undefined, ["0.0.0.0/0"])] }),
        securityGroup("sg-closed-default", { groupName: "default" }),
        securityGroup("sg-app", { groupName: "app", ingress: [permission("tcp", 443, 443, ["0.0.0.0/0"])] }),
      ]),
    );
    expect(findings.map((finding) => [finding.resourceName, finding.status])).toEqual([
      ["default (sg-closed-default)", "pass"],
      ["default (sg-open-default)", "fail"],
    ]);
  });

  it("cannot pass over a group whose name EC2 left out", () => {
    const finding = only(run(sgDefaultClosed, groupsSnapshot([securityGroup("sg-unnamed", { groupName: undefined })])));
    expect(finding).toMatchObject({ status: "unknown", evidence: { groupId: "sg-unnamed", groupName: null } });
    expect(renderedText(sgDefaultClosed.describeEvidence?.(finding.evidence) ?? [])).toContain("not reported by EC2");
  });

  it("stores the group's rules as the snapshot holds them, ports EC2 left out left out", () => {
    const finding = only(run(sgDefaultClosed, groupsSnapshot([openDefault])));
    expect(finding.evidence).toEqual({
      groupId: "sg-open-default",
      vpcId: "vpc-1",
      ingress: [{ ipProtocol: "-1", ipv4Ranges: [], ipv6Ranges: [], userIdGroupPairs: ["sg-open-default"], prefixListIds: [] }],
      egress: [{ ipProtocol: "-1", ipv4Ranges: ["0.0.0.0/0"], ipv6Ranges: [], userIdGroupPairs: [], prefixListIds: [] }],
    });
  });

  it("shows the rules in words, inbound by source and outbound by destination, the open range marked", () => {
    const finding = only(run(sgDefaultClosed, groupsSnapshot([openDefault])));
    const blocks = sgDefaultClosed.describeEvidence?.(finding.evidence);
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Default security group",
        rows: [
          { label: "Group", value: "sg-open-default", verbatim: true },
          { label: "VPC", value: "vpc-1", verbatim: true },
          { label: "Inbound rules", value: "1 rule", mark: true },
          { label: "Outbound rules", value: "1 rule", mark: true },
        ],
      },
      {
        kind: "table",
        title: "Inbound rules",
        columns: ["Protocol", "Ports", "Source"],
        rows: [[{ text: "All traffic" }, { text: "All ports, including SSH (22) and RDP (3389)", mark: false }, { text: "sg-open-default", verbatim: true, mark: false }]],
      },
      {
        kind: "table",
        title: "Outbound rules",
        columns: ["Protocol", "Ports", "Destination"],
        rows: [[{ text: "All traffic" }, { text: "All ports, including SSH (22) and RDP (3389)", mark: false }, { text: "0.0.0.0/0", verbatim: true, mark: true }]],
      },
    ]);
  });

  it("says a closed default group has no rules", () => {
    const finding = only(run(sgDefaultClosed, groupsSnapshot([securityGroup("sg-closed", { groupName: "default" })])));
    const blocks = sgDefaultClosed.describeEvidence?.(finding.evidence) ?? [];
    expect(blocks.map((block) => block.kind)).toEqual(["facts", "note"]);
    expect(renderedText(blocks)).toContain("The group has no rules: it allows no traffic.");
  });

  it("revokes exactly the typed rules, both directions, in its remediation", () => {
    const finding = only(run(sgDefaultClosed, groupsSnapshot([openDefault])));
    const commands = sgDefaultClosed.remediation?.(remediationTarget(finding)).commands.map(renderCommand);
    expect(commands).toEqual([
      `aws ec2 describe-network-interfaces --region ${REGION} --filters Name=group-id,Values=sg-open-default --query 'NetworkInterfaces[].[NetworkInterfaceId,Attachment.InstanceId,Description]'`,
      `aws ec2 revoke-security-group-ingress --region ${REGION} --group-id sg-open-default --ip-permissions '[{"IpProtocol":"-1","UserIdGroupPairs":[{"GroupId":"sg-open-default"}]}]'`,
      `aws ec2 revoke-security-group-egress --region ${REGION} --group-id sg-open-default --ip-permissions '[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]'`,
    ]);
  });

  it("has a hand-written remediation target shaped like what it emits", () => {
    expect(defaultClosedEvidenceSchema.safeParse(targetFor("sg.default-closed").evidence).success).toBe(true);
  });
});
