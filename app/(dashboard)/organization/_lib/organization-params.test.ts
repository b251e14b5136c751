import { describe, expect, it } from "vitest";
import { parseOrganizationParams } from "./organization-params";

describe("parseOrganizationParams", () => {
  it.each([
    [{}, { show: "all", state: {} }],
    [{ ou: "Workloads/Prod", show: "not_linked" }, { ou: "Workloads/Prod", show: "not_linked", state: { ou: "Workloads/Prod", show: "not_linked" } }],
    [{ ou: "a//b", show: "everything" }, { show: "all", state: {} }],
    [{ ou: ["Sandbox", "Security"] }, { ou: "Sandbox", show: "all", state: { ou: "Sandbox" } }],
  ])("reads %j", (raw, expected) => {
    expect(parseOrganizationParams(raw)).toEqual({ ou: undefined, ...expected, state: { ou: undefined, show: undefined, ...expected.state } });
  });
});
