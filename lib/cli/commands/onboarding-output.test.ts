import { describe, expect, it } from "vitest";
import { describeSync } from "./onboarding-output";

describe("describeSync", () => {
  it("says an iamfit failure in words and keeps AWS's own error codes as AWS names them", () => {
    const failed = (code: string) =>
      describeSync({ ok: false, syncId: 1n, error: { api: "organizations:ListAccounts", code, message: "What happened." } });
    expect(failed("UnreadableResponse")).toEqual(["Organization sync failed at organizations:ListAccounts: Unreadable answer", "What happened."]);
    expect(failed("AccessDeniedException")[0]).toBe("Organization sync failed at organizations:ListAccounts: AccessDeniedException");
  });
});
