import { describe, expect, it } from "vitest";
import { addressDomain, composeDigestMessage } from "./message";

describe("composeDigestMessage", () => {
  const input = {
    rendered: { subject: "iamfit weekly digest: score 72", html: "<p>72</p>", text: "72" },
    from: "iamfit <digest@IAMFIT.example.com>",
    to: "ops@example.com",
    deliveryId: "42",
    oneClickUnsubscribeUrl: "https://iamfit.example.com/api/digest/unsubscribe?s=abc&t=def",
  };

  it("announces RFC 8058 one-click unsubscribe and marks the mail as automatic", () => {
    expect(composeDigestMessage(input).headers).toEqual({
      "List-Unsubscribe": "<https://iamfit.example.com/api/digest/unsubscribe?s=abc&t=def>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": "iamfit weekly digest <digest.iamfit.iamfit.example.com>",
      "Auto-Submitted": "auto-generated",
      "X-Auto-Response-Suppress": "OOF, AutoReply",
    });
  });

  it("gives each delivery a stable Message-ID in the sender's domain", () => {
    expect(composeDigestMessage(input).messageId).toBe("<iamfit-digest-42@iamfit.example.com>");
    expect(composeDigestMessage(input).messageId).toBe(composeDigestMessage(input).messageId);
  });

  it("marks test sends in the subject", () => {
    expect(composeDigestMessage({ ...input, test: true }).subject).toBe("[Test] iamfit weekly digest: score 72");
  });

  it.each([
    ["iamfit <iamfit@localhost>", "localhost"],
    ["digest@mail.example.com", "mail.example.com"],
    ["no address", "localhost"],
  ])("takes the domain of %j", (address, domain) => {
    expect(addressDomain(address)).toBe(domain);
  });
});
