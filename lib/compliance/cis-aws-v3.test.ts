import { describe, expect, it } from "vitest";
import { CHECKS } from "@/lib/checks/registry";
import { CIS_AWS_V3_CONTROLS, CIS_SECTIONS, cisCheckIds, controlChecks, isCisControlId } from "./cis-aws-v3";

/** How many controls each chosen section of v3.0.0 has (1.1–1.22, 2.1.1–2.1.4, 3.1–3.9, 5.1–5.6). */
const SECTION_SIZES: Array<[string, number]> = [
  ["1", 22],
  ["2.1", 4],
  ["3", 9],
  ["5", 6],
];

describe("CIS AWS Foundations v3.0.0 catalogue", () => {
  it("every control id is unique", () => {
    const ids = CIS_AWS_V3_CONTROLS.map((control) => control.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(SECTION_SIZES)("section %s lists every control, numbered without gaps, in order", (section, size) => {
    const ids = CIS_AWS_V3_CONTROLS.filter((control) => control.section === section).map((control) => control.id);
    expect(ids).toEqual(Array.from({ length: size }, (_, index) => `${section}.${index + 1}`));
  });

  it("lists only the chosen sections", () => {
    expect(CIS_SECTIONS.map((section) => section.id)).toEqual(SECTION_SIZES.map(([section]) => section));
    expect(CIS_AWS_V3_CONTROLS).toHaveLength(41);
  });

  it("every CIS id a check carries in its folder is a control of the catalogue", () => {
    const unknownIds = CHECKS.flatMap((check) => (check.cis ?? []).filter((id) => !isCisControlId(id)).map((id) => `${check.id}: ${id}`));
    expect(unknownIds).toEqual([]);
  });

  it.each([
    ["1.4", ["root.access-keys"]],
    ["1.5", ["root.mfa"]],
    ["1.6", ["root.hardware-mfa"]],
    ["1.7", ["root.recent-use"]],
    ["1.8", ["password-policy.strong"]],
    ["1.9", ["password-policy.strong"]],
    ["1.10", ["users.console-mfa"]],
    ["1.12", ["credentials.unused"]],
    ["1.13", ["keys.single-active"]],
    ["1.14", ["keys.rotated"]],
    ["1.15", ["users.permissions-via-groups"]],
    ["1.16", ["policies.no-star-star"]],
    ["1.18", ["ec2.instance-profile"]],
    ["1.20", ["accessanalyzer.enabled"]],
    ["2.1.4", ["s3.account-public-access-block"]],
    ["3.1", ["cloudtrail.multi-region"]],
    ["5.2", ["sg.admin-ports-open"]],
    ["5.3", ["sg.admin-ports-open"]],
    ["5.4", ["sg.default-closed"]],
    ["1.1", []],
    ["3.2", []],
    ["5.6", []],
  ])("control %s is implemented by %j", (controlId, checkIds) => {
    expect(controlChecks(controlId).map((check) => check.id)).toEqual(checkIds);
  });

  it("names the checks that implement any control", () => {
    expect(cisCheckIds()).toHaveLength(17);
    expect(cisCheckIds()).toContain("root.access-keys");
    expect(cisCheckIds()).not.toContain("admins.count");
  });
});
