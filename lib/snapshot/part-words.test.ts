import { describe, expect, it } from "vitest";
import { partInWords, partSentence } from "./part-words";
import { GLOBAL_PART_NAMES, REGIONAL_PART_NAMES } from "./schema";

describe("part words", () => {
  it("describes every part without its storage name", () => {
    for (const name of [...GLOBAL_PART_NAMES, ...REGIONAL_PART_NAMES]) {
      const words = partInWords(name);
      expect(words).not.toContain(name);
      expect(words).not.toMatch(/\b[a-z]+[A-Z]|_|\w\.\w/);
    }
  });
  it("names the region and agrees in number", () => {
    expect(partSentence("ec2.instances", "eu-west-1", "not collected")).toBe("The EC2 instances in eu-west-1 were not collected");
    expect(partSentence("iam.credentialReport", undefined, "not collected")).toBe("The IAM credential report was not collected");
    expect(partSentence("iam.passwordPolicy", undefined, "skipped (x)")).toBe("The account password policy was skipped (x)");
    expect(partSentence("iam.authorizationDetails", undefined, "not collected")).toBe("The IAM users, groups, roles and policies were not collected");
  });
});
