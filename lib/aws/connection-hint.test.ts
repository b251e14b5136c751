import { describe, expect, it } from "vitest";
import { SESSION_REGION } from "./client-factory";
import { hintFor } from "./test-connection";

const roleArn = "arn:aws:iam::111122223333:role/iamfit-audit";

describe("hintFor an AssumeRole refusal", () => {
  it("points at the trust policy for the session's AssumeRole, with or without a stored region", () => {
    for (const region of [undefined, SESSION_REGION]) {
      expect(hintFor({ api: "sts:AssumeRole", code: "AccessDenied", message: "denied", region }, { roleArn })).toContain(`may not assume ${roleArn}`);
    }
  });

  it("points at an SCP on the region for a regional STS probe", () => {
    expect(hintFor({ api: "sts:AssumeRole", code: "AccessDenied", message: "denied", region: "ap-east-1" }, { roleArn })).toContain("may not call STS in ap-east-1");
  });

  it("names the missing action for other denials", () => {
    expect(hintFor({ api: "iam:GetAccountAuthorizationDetails", code: "AccessDenied", message: "denied" })).toContain("SecurityAudit");
  });
});
