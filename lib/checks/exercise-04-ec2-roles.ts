/**
 * Exercise 4, "Use Roles for EC2" (seed 001: keys in config files leak, instance roles give
 * temporary, automatically rotated credentials; seeds 002 and 004 say the same).
 */
import { activeKeys, isTrue, rowEvidence, userRows } from "./credential-report";
import { accountRootArn, instanceArn, makeFinding, unknownForAccount, unknownForRegion } from "./findings";
import { analyseIam } from "./iam-analysis";
import { globalPart, isSkipped, regionalParts } from "./part-access";
import type { CheckDefinition, Finding } from "./types";

export const ec2InstanceProfile: CheckDefinition = {
  id: "ec2.instance-profile",
  exercise: 4,
  title: "Every running instance has an instance profile",
  severity: "medium",
  cis: ["1.18"],
  why: "An instance without a role needs stored access keys to call AWS; keys in a config file are the most common way credentials leak (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”).",
  evaluate(snapshot) {
    return regionalParts(snapshot, "ec2.instances").flatMap((entry): Finding[] => {
      if (isSkipped(entry)) return [];
      if (!entry.available) return [unknownForRegion(ec2InstanceProfile, entry.region, [entry.unavailable])];
      return entry.data
        .filter((instance) => instance.state === "running")
        .map((instance) => {
          const profile = instance.iamInstanceProfileArn;
          return makeFinding(ec2InstanceProfile, {
            resourceId: instanceArn(entry.region, snapshot.accountId, instance.instanceId),
            resourceType: "instance",
            resourceName: instance.instanceId,
            region: entry.region,
            status: profile ? "pass" : "fail",
            evidence: { instanceId: instance.instanceId, state: instance.state, iamInstanceProfileArn: profile ?? null },
            reason: profile
              ? `${instance.instanceId} runs with instance profile ${profile.slice(profile.lastIndexOf("/") + 1)}.`
              : `${instance.instanceId} is running without an instance profile.`,
          });
        });
    });
  },
};

export const usersWorkloadKeys: CheckDefinition = {
  id: "users.workload-keys",
  exercise: 4,
  title: "No users exist only to hold long-lived keys for workloads",
  severity: "medium",
  why: "A user with access keys and no console password is a workload identity; its keys sit in files and pipelines where a role's temporary credentials belong (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”; “Managing Your AWS Credentials (Part 2)”).",
  evaluate(snapshot) {
    const report = globalPart(snapshot, "iam.credentialReport");
    if (!report.available) return [unknownForAccount(usersWorkloadKeys, snapshot, [report.unavailable])];
    // Only key-only users are judged. Anyone else gets no finding rather than a pass that would
    // mean nothing and lift the score; deactivating the keys then reads as the resource leaving
    // the check, which closes its checklist item. With none at all, the account passes once.
    const keyOnlyRows = userRows(report.data).filter((row) => activeKeys(row).length > 0 && !isTrue(row.password_enabled));
    if (keyOnlyRows.length === 0) {
      return [
        makeFinding(usersWorkloadKeys, {
          resourceId: accountRootArn(snapshot.accountId),
          resourceType: "account",
          resourceName: snapshot.accountId,
          status: "pass",
          evidence: { keyOnlyUsers: [] },
          reason: "No user holds active access keys without a console password.",
        }),
      ];
    }
    // The last-used service stays out of the evidence (it moves with every call); the reason names it.
    // Admin rights make such a key far worse; without readable IAM details they are unknown, not absent.
    // The details are read only here: the pass above rests on the credential report alone.
    const details = globalPart(snapshot, "iam.authorizationDetails");
    const iam = details.available ? analyseIam(details.data, snapshot) : undefined;
    return keyOnlyRows.map((row): Finding => {
      const keys = activeKeys(row);
      const adminStatus = iam?.user(row.arn)?.status;
      const admin = adminStatus === "admin" ? true : adminStatus === "not_admin" ? false : "unknown";
      const services = [...new Set(keys.map((key) => key.lastUsedService).filter((service) => service !== "N/A"))];
      const adminText =
        admin === true
          ? ", with administrator rights"
          : admin === "unknown"
            ? `; whether it has administrator rights is unknown (${details.available ? "some of its policies could not be read" : details.unavailable.reason})`
            : "";
      return makeFinding(usersWorkloadKeys, {
        resourceId: row.arn,
        resourceType: "user",
        resourceName: row.user,
        status: "fail",
        ...(admin === true ? { severity: "high" as const } : {}),
        evidence: { ...rowEvidence(row, ["password_enabled", "access_key_1_active", "access_key_2_active"]), admin },
        reason: `${row.user} has ${keys.length} active access key${keys.length > 1 ? "s" : ""} and no console password${services.length ? ` (last used for ${services.join(", ")})` : ""}: a workload holding long-lived keys${adminText}.`,
      });
    });
  },
};

export const ec2RoleNotAdmin: CheckDefinition = {
  id: "ec2.role-not-admin",
  exercise: 4,
  title: "Instance-profile roles are not administrators",
  severity: "high",
  why: "Anyone who gets code running on the instance gets its role; an admin role turns one compromised server into a compromised account (Cloud Security Fitness Guide, “Exercise #4: Use Roles for EC2”).",
  evaluate(snapshot) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(ec2RoleNotAdmin, snapshot, [details.unavailable])];
    const iam = analyseIam(details.data, snapshot);
    return details.data.roles
      .filter((role) => role.instanceProfileArns.length > 0)
      .map((role) => {
        const status = iam.role(role.arn);
        const paths = status?.paths.map((path) => ({ ...path.source, kind: path.kind })) ?? [];
        const evidence = {
          arn: role.arn,
          instanceProfileArns: [...role.instanceProfileArns].sort(),
          adminPaths: paths,
          ...iam.serviceControlPolicyEvidence,
        };
        const base = { resourceId: role.arn, resourceType: "role" as const, resourceName: role.roleName, evidence };
        if (status?.status === "admin") {
          return makeFinding(ec2RoleNotAdmin, { ...base, status: "fail", reason: `Instance role ${role.roleName} has administrator rights (${paths[0]?.policyName ?? "admin policy"}).` });
        }
        if (status?.status === "undetermined") {
          return makeFinding(ec2RoleNotAdmin, { ...base, status: "unknown", reason: `Some policies of instance role ${role.roleName} could not be read.` });
        }
        return makeFinding(ec2RoleNotAdmin, { ...base, status: "pass", reason: `Instance role ${role.roleName} is not an administrator.` });
      });
  },
};

export const EXERCISE_04_CHECKS: CheckDefinition[] = [ec2InstanceProfile, usersWorkloadKeys, ec2RoleNotAdmin];
