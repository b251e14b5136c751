import { describe, expect, it } from "vitest";
import { targetFor } from "@/lib/remediation/testing/targets";
import { remediationTarget, renderedText } from "../../testing/check-folder";
import { only, run, statuses } from "../../testing/run-check";
import { failed, ok, permission, regional, securityGroup, skipped, snapshot } from "../../testing/snapshot-factory";
import { sgAdminPortsOpen } from "./check";
import { adminPortsEvidenceSchema } from "./evidence";

const REGION = "eu-west-1";
const groupsSnapshot = (groups: ReturnType<typeof securityGroup>[]) => snapshot({ [regional("ec2.securityGroups", REGION)]: ok(groups) }, [REGION]);

describe("sg.admin-ports-open", () => {
  it.each([
    ["SSH from 0.0.0.0/0", [permission("tcp", 22, 22, ["0.0.0.0/0"])], "fail"],
    ["RDP from ::/0", [permission("tcp", 3389, 3389, ["::/0"])], "fail"],
    ["a TCP range covering 22 from the world", [permission("tcp", 0, 1024, ["0.0.0.0/0"])], "fail"],
    ["all traffic (-1) from the world", [permission("-1", undefined, undefined, ["0.0.0.0/0"])], "fail"],
    ["all UDP ports from the world", [permission("udp", 0, 65535, ["0.0.0.0/0"])], "fail"],
    ["SSH from an office range", [permission("tcp", 22, 22, ["203.0.113.0/24"])], "pass"],
    ["HTTPS from the world", [permission("tcp", 443, 443, ["0.0.0.0/0"])], "pass"],
    ["UDP 22 from the world", [permission("udp", 22, 22, ["0.0.0.0/0"])], "pass"],
  ])("%s → %s", (_, ingress, status) => {
    const finding = only(run(sgAdminPortsOpen, groupsSnapshot([securityGroup("sg-1", { ingress })])));
    expect(finding).toMatchObject({ status, resourceId: `arn:aws:ec2:${REGION}:111122223333:security-group/sg-1`, resourceType: "security_group" });
  });

  it("puts the open rule in the evidence", () => {
    const finding = only(run(sgAdminPortsOpen, groupsSnapshot([securityGroup("sg-1", { ingress: [permission("tcp", 22, 22, ["0.0.0.0/0", "10.0.0.0/8"])] })])));
    expect(finding.evidence).toEqual({ groupId: "sg-1", openRules: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, sources: ["0.0.0.0/0"] }] });
  });

  it("is unknown for a region whose groups could not be listed and silent for a disabled region", () => {
    const findings = run(
      sgAdminPortsOpen,
      snapshot({ [regional("ec2.securityGroups", REGION)]: failed("ec2:DescribeSecurityGroups", "UnauthorizedOperation"), [regional("ec2.securityGroups", "me-south-1")]: skipped() }, [REGION]),
    );
    expect(statuses(findings)).toEqual([[REGION, "unknown"]]);
  });

  it("says which admin port is open in its reason", () => {
    const finding = only(run(sgAdminPortsOpen, groupsSnapshot([securityGroup("sg-1", { ingress: [permission("tcp", 3389, 3389, ["0.0.0.0/0"])] })])));
    expect(finding.reason).toBe("sg-1 admits the internet to RDP (TCP 3389) from 0.0.0.0/0.");
  });

  it("shows the open rules in words, admin ports named and the open ranges marked", () => {
    const finding = only(
      run(
        sgAdminPortsOpen,
        groupsSnapshot([
          securityGroup("sg-1", {
            ingress: [permission("tcp", 22, 22, ["0.0.0.0/0", "::/0"]), permission("tcp", 0, 1024, ["0.0.0.0/0"]), permission("-1", undefined, undefined, ["0.0.0.0/0"])],
          }),
        ]),
      ),
    );
    const blocks = sgAdminPortsOpen.describeEvidence?.(finding.evidence);
    expect(blocks).toEqual([
      { kind: "facts", title: "Security group", rows: [{ label: "Group", value: "sg-1", verbatim: true }] },
      {
        kind: "table",
        title: "Inbound rules open to the internet",
        columns: ["Protocol", "Ports", "Source"],
        rows: [
          [{ text: "TCP" }, { text: "SSH (22)", mark: true }, { text: "0.0.0.0/0", verbatim: true, mark: true }],
          [{ text: "TCP" }, { text: "SSH (22)", mark: true }, { text: "::/0", verbatim: true, mark: true }],
          [{ text: "TCP" }, { text: "0–1024, including SSH (22)", mark: true }, { text: "0.0.0.0/0", verbatim: true, mark: true }],
          [{ text: "All traffic" }, { text: "All ports, including SSH (22) and RDP (3389)", mark: true }, { text: "0.0.0.0/0", verbatim: true, mark: true }],
        ],
      },
    ]);
    expect(renderedText(blocks ?? [])).not.toMatch(/ipProtocol|fromPort|-1/);
  });

  it("says in words that a passing group admits no one to admin ports", () => {
    const finding = only(run(sgAdminPortsOpen, groupsSnapshot([securityGroup("sg-1", { ingress: [permission("tcp", 443, 443, ["0.0.0.0/0"])] })])));
    expect(renderedText(sgAdminPortsOpen.describeEvidence?.(finding.evidence) ?? [])).toContain("No inbound rule admits the whole internet");
  });

  it("revokes only the world-open sources of the typed open rules, and reopens RDP for the VPN when RDP was open", () => {
    const finding = only(run(sgAdminPortsOpen, groupsSnapshot([securityGroup("sg-1", { ingress: [permission("tcp", 3389, 3389, ["0.0.0.0/0", "10.0.0.0/8"])] })])));
    const steps = sgAdminPortsOpen.remediation?.(remediationTarget(finding));
    expect(steps?.summary).toBe(`Stop sg-1 (${REGION}) admitting the internet to RDP (TCP 3389); allow only your VPN or bastion.`);
    const revoke = steps?.commands.find((command) => command.words.includes("revoke-security-group-ingress"));
    expect(revoke?.words).toContain(JSON.stringify([{ IpProtocol: "tcp", IpRanges: [{ CidrIp: "0.0.0.0/0" }], FromPort: 3389, ToPort: 3389 }]));
    const authorize = steps?.commands.find((command) => command.words.includes("authorize-security-group-ingress"));
    expect(authorize?.words).toEqual(expect.arrayContaining(["--port", "3389"]));
  });

  it("has a hand-written remediation target shaped like what it emits", () => {
    expect(adminPortsEvidenceSchema.safeParse(targetFor("sg.admin-ports-open").evidence).success).toBe(true);
  });
});
