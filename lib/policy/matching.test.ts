import { describe, expect, it } from "vitest";
import { actionMatches, isAllResourcesPattern, resourceMatches } from "./matching";

describe("actionMatches", () => {
  it.each([
    ["*", "iam:CreateUser", true],
    ["*:*", "iam:CreateUser", true],
    ["iam:*", "iam:CreateUser", true],
    ["iam:*", "s3:GetObject", false],
    ["s3:Get*", "s3:GetObject", true],
    ["s3:Get*", "s3:PutObject", false],
    ["IAM:createuser", "iam:CreateUser", true],
    ["iam:PassRole", "IAM:PASSROLE", true],
    ["s3:Get?bject", "s3:GetObject", true],
    ["s3:Get?bject", "s3:GetObjectAcl", false],
    ["iam:*User*", "iam:AttachUserPolicy", true],
    ["iam:Create", "iam:CreateUser", false],
    ["ec2:Describe.*", "ec2:DescribeInstances", false],
  ])("%s matches %s: %s", (pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
  });
});

describe("resourceMatches", () => {
  it.each([
    ["*", "arn:aws:iam::111122223333:role/admin", true],
    ["arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:role/admin", true],
    ["arn:aws:iam::111122223333:role/Admin", "arn:aws:iam::111122223333:role/admin", false],
    ["arn:aws:iam::*:role/dev-*", "arn:aws:iam::111122223333:role/admin", false],
    ["arn:aws:iam::111122223333:user/${aws:username}", "arn:aws:iam::111122223333:user/alice", true],
  ])("%s matches %s: %s", (pattern, resource, expected) => {
    expect(resourceMatches(pattern, resource)).toBe(expected);
  });

  it("substitutes a known policy variable", () => {
    const pattern = "arn:aws:iam::111122223333:user/${aws:username}";
    expect(resourceMatches(pattern, "arn:aws:iam::111122223333:user/alice", { "aws:username": "bob" })).toBe(false);
    expect(resourceMatches(pattern, "arn:aws:iam::111122223333:user/bob", { "aws:username": "bob" })).toBe(true);
  });
});

describe("isAllResourcesPattern", () => {
  it.each([
    ["*", true],
    ["arn:aws:*", true],
    ["arn:*:*:*:*:*", true],
    ["arn:aws:s3:::*", false],
    ["arn:aws:iam::111122223333:*", false],
  ])("%s: %s", (pattern, expected) => {
    expect(isAllResourcesPattern(pattern)).toBe(expected);
  });
});
