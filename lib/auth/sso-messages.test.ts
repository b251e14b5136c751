import { describe, expect, it } from "vitest";
import { ssoDenialCode, ssoErrorMessage } from "./sso-messages";

describe("ssoErrorMessage", () => {
  it.each([
    [ssoDenialCode("domain_not_allowed"), /email domain is not allowed/],
    [ssoDenialCode("group_not_allowed"), /not in a group/],
    [ssoDenialCode("email_unverified"), /not verified your email/],
    ["account_not_linked", /signs in with a password/],
    ["state_mismatch", /expired or was started in another browser tab/],
    ["access_denied", /did not sign you in/],
  ])("explains %s in iamfit's own words", (code, message) => {
    expect(ssoErrorMessage(code)).toMatch(message);
  });

  it("says nothing without a code", () => {
    expect(ssoErrorMessage(null)).toBeNull();
    expect(ssoErrorMessage("")).toBeNull();
  });

  it("names an unknown code only when it looks like one, so a crafted URL cannot put sentences on the page", () => {
    expect(ssoErrorMessage("temporarily_unavailable")).toMatch(/^Single sign-on did not complete \(temporarily_unavailable\)\./);
    expect(ssoErrorMessage("Call +1 555 0100 to restore access")).toMatch(/^Single sign-on did not complete\. Start again/);
  });
});
