import { describe, expect, it } from "vitest";
import { renderCliCommand } from "@/lib/remediation/shell";
import { remediationTarget } from "../../testing/check-folder";
import { only, run, statuses } from "../../testing/run-check";
import { failed, instance, ok, regional, skipped, snapshot } from "../../testing/snapshot-factory";
import { ec2InstanceProfile } from "./check";

describe("ec2.instance-profile", () => {
  it("judges running instances in every collected region", () => {
    const findings = run(
      ec2InstanceProfile,
      snapshot(
        {
          [regional("ec2.instances", "eu-west-1")]: ok([
            instance("i-with", { iamInstanceProfileArn: "arn:aws:iam::111122223333:instance-profile/web" }),
            instance("i-without"),
            instance("i-stopped", { state: "stopped" }),
          ]),
          [regional("ec2.instances", "us-east-1")]: ok([instance("i-east")]),
        },
        ["eu-west-1", "us-east-1"],
      ),
    );
    expect(statuses(findings)).toEqual([
      ["i-with", "pass"],
      ["i-without", "fail"],
      ["i-east", "fail"],
    ]);
    expect(findings[0]).toMatchObject({ resourceId: "arn:aws:ec2:eu-west-1:111122223333:instance/i-with", region: "eu-west-1" });
  });

  it("is unknown for a region whose instances could not be listed, silent for a disabled region", () => {
    const findings = run(
      ec2InstanceProfile,
      snapshot(
        {
          [regional("ec2.instances", "eu-west-1")]: failed("ec2:DescribeInstances", "UnauthorizedOperation", { region: "eu-west-1" }),
          [regional("ec2.instances", "ap-east-1")]: skipped(),
        },
        ["eu-west-1"],
      ),
    );
    expect(only(findings)).toMatchObject({ status: "unknown", resourceType: "region", resourceId: "eu-west-1", region: "eu-west-1" });
    expect(only(findings).reason).toContain("ec2:DescribeInstances failed in eu-west-1: UnauthorizedOperation");
  });

  it("is unknown for the regions not examined when DescribeRegions failed, not silent about them", () => {
    const findings = run(
      ec2InstanceProfile,
      snapshot(
        {
          "ec2.regions": failed("ec2:DescribeRegions", "UnauthorizedOperation"),
          [regional("ec2.instances", "us-east-1")]: ok([instance("i-east", { iamInstanceProfileArn: "arn:aws:iam::111122223333:instance-profile/web" })]),
        },
        ["us-east-1"],
      ),
    );
    expect(statuses(findings)).toEqual([
      ["i-east", "pass"],
      ["opt-in regions", "unknown"],
    ]);
    expect(findings[1]?.reason).toContain("the account's regions could not be listed (ec2:DescribeRegions failed: UnauthorizedOperation)");
  });

  it("is unknown for an enabled region that has no instances part at all", () => {
    expect(only(run(ec2InstanceProfile, snapshot({}, ["eu-central-1"])))).toMatchObject({ status: "unknown", resourceId: "eu-central-1" });
  });
});

describe("ec2.instance-profile evidence", () => {
  const findings = () =>
    run(ec2InstanceProfile, snapshot({ [regional("ec2.instances", "eu-west-1")]: ok([instance("i-with", { iamInstanceProfileArn: "arn:aws:iam::111122223333:instance-profile/web" }), instance("i-without")]) }, ["eu-west-1"]));

  it("shows the instance and its profile, marking a missing one", () => {
    const [withProfile, without] = findings();
    expect(ec2InstanceProfile.describeEvidence?.(withProfile!.evidence)).toEqual([
      {
        kind: "facts",
        title: "Instance",
        rows: [
          { label: "Instance", value: "i-with", verbatim: true },
          { label: "State", value: "running", verbatim: true },
          { label: "Instance profile", value: "arn:aws:iam::111122223333:instance-profile/web", verbatim: true },
        ],
      },
    ]);
    expect(ec2InstanceProfile.describeEvidence?.(without!.evidence)).toMatchObject([{ rows: [{}, {}, { label: "Instance profile", value: "none: code on it needs stored keys to call AWS", mark: true }] }]);
  });

  it("attaches a profile to the instance the typed evidence names, in its region", () => {
    const without = findings()[1]!;
    const steps = ec2InstanceProfile.remediation?.({ ...remediationTarget(without), resourceId: "not-an-arn" });
    expect(steps?.summary).toBe("Give instance i-without (eu-west-1) an instance profile with a role that allows only what its application needs.");
    expect(steps?.commands.map(renderCliCommand)).toContain('aws ec2 associate-iam-instance-profile --region eu-west-1 --instance-id i-without --iam-instance-profile "Name=$ROLE_NAME"');
  });
});
