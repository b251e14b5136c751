import { describe, expect, it } from "vitest";
import { memberInWords } from "./aws-call";

describe("memberInWords: the member an entry came without, as a person reads it", () => {
  it.each([
    ["arn", "its ARN"],
    ["trailArn", "its trail ARN"],
    ["policyName", "its policy name"],
    ["instanceId", "its instance id"],
    ["ipProtocol", "its IP protocol"],
    ["cidrIpv6", "its CIDR IPv6"],
    ["serialNumber", "its serial number"],
  ])("%s reads as %s", (member, words) => {
    expect(memberInWords(member)).toBe(words);
  });
});
