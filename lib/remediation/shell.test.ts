import { describe, expect, it } from "vitest";
import { assignVariable, aws, renderCliCommand, renderCommand, shellQuote, shellVariable } from "./shell";

describe("shellQuote", () => {
  it.each([
    ["alice", "alice"],
    ["arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"],
    ["svc+deploy=ci,eu@corp.example", "svc+deploy=ci,eu@corp.example"],
    ["<img src=x onerror=alert(1)>", "'<img src=x onerror=alert(1)>'"],
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")'`],
    ["it's", `'it'\\''s'`],
    ["$(rm -rf ~)", "'$(rm -rf ~)'"],
    ["`id`", "'`id`'"],
    ["a b", "'a b'"],
    ["line\nbreak", "'line\nbreak'"],
    ["~root", "'~root'"],
    ["#comment", "'#comment'"],
    ["", "''"],
  ])("quotes %j as %s", (value, expected) => {
    expect(shellQuote(value)).toBe(expected);
  });
});

describe("aws", () => {
  it("renders options in order, quoting values and leaving flags bare", () => {
    const command = aws("x", "iam", "update-account-password-policy", { "minimum-password-length": "14", "require-symbols": true, "max-password-age": undefined });
    expect(renderCommand(command)).toBe("aws iam update-account-password-policy --minimum-password-length 14 --require-symbols");
  });

  it("joins a value that starts with a dash to its option so the CLI does not read it as one", () => {
    expect(renderCommand(aws("x", "iam", "delete-login-profile", { "user-name": "-rf" }))).toBe("aws iam delete-login-profile --user-name=-rf");
    expect(renderCommand(aws("x", "iam", "delete-login-profile", { "user-name": "-a b" }))).toBe("aws iam delete-login-profile '--user-name=-a b'");
  });

  it("renders shell variables double-quoted so their value is one word", () => {
    const command = aws("x", "iam", "update-access-key", { "user-name": "alice", "access-key-id": shellVariable("ACCESS_KEY_ID"), status: "Inactive" });
    expect(renderCommand(command)).toBe('aws iam update-access-key --user-name alice --access-key-id "$ACCESS_KEY_ID" --status Inactive');
  });

  it("renders a variable with a literal prefix as one double-quoted word", () => {
    const command = aws("x", "cloudtrail", "lookup-events", { "lookup-attributes": shellVariable("ACCESS_KEY_ID", 'AttributeKey=AccessKeyId,AttributeValue=') });
    expect(renderCommand(command)).toBe('aws cloudtrail lookup-events --lookup-attributes "AttributeKey=AccessKeyId,AttributeValue=$ACCESS_KEY_ID"');
    expect(renderCommand({ words: [shellVariable("X", 'a"$`\\')] })).toBe('"a\\"\\$\\`\\\\$X"');
  });

  it("refuses a variable name a shell would not read as one", () => {
    expect(() => shellVariable("KEY; rm")).toThrow();
  });

  it("renders an assignment with its placeholder quoted", () => {
    expect(renderCliCommand(assignVariable("x", "ACCESS_KEY_ID", "<the AccessKeyId listed above>"))).toBe("ACCESS_KEY_ID='<the AccessKeyId listed above>'");
  });
});
