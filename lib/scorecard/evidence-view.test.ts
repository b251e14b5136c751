import { describe, expect, it } from "vitest";
import { markedTexts } from "./json-lines";
import { describeEvidence, evidenceHasMarks, type EvidenceBlock } from "./evidence-view";

function only<K extends EvidenceBlock["kind"]>(blocks: EvidenceBlock[], kind: K): Extract<EvidenceBlock, { kind: K }> {
  const found = blocks.filter((block) => block.kind === kind);
  expect(found).toHaveLength(1);
  return found[0] as Extract<EvidenceBlock, { kind: K }>;
}

describe("describeEvidence", () => {
  it("shows a credential-report row as labelled facts, names untouched", () => {
    const row = { user: "<img src=x onerror=alert(1)>", arn: "arn:aws:iam::123456789012:user/x", password_enabled: true, mfa_active: false };
    const blocks = describeEvidence(row);
    expect(blocks).toEqual([
      {
        kind: "facts",
        title: "Credential report row",
        rows: [
          { label: "User", value: "<img src=x onerror=alert(1)>", verbatim: true },
          { label: "ARN", value: "arn:aws:iam::123456789012:user/x", verbatim: true },
          { label: "Console password", value: "yes", verbatim: false, mark: false },
          { label: "MFA device", value: "no", verbatim: false, mark: false },
        ],
      },
    ]);
  });

  it("shows a credential-report row nested in the evidence under its own title", () => {
    const blocks = describeEvidence({ keyAgeDays: 120, row: { user: "alice", arn: "arn:x", access_key_1_active: true } });
    expect(blocks.map((block) => [block.kind, block.title])).toEqual([
      ["fields", "Evidence"],
      ["facts", "Row"],
    ]);
  });

  it.each([
    [{ Effect: "Allow", Action: "*", Resource: "*" }, ['"*"', '"*"']],
    [{ Effect: "Allow", Action: ["s3:GetObject", "ec2:*"], Resource: "arn:aws:s3:::b/*" }, ['"ec2:*"']],
    [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }, ['"NotAction"', '"iam:*"', '"*"']],
    [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }, ['"*"']],
    [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*", Condition: { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } } }, ['"*"', '"0.0.0.0/0"']],
    [{ Effect: "Deny", Action: "s3:DeleteBucket", Resource: "arn:aws:s3:::b" }, []],
  ])("marks what makes the statement %j broad", (statement, marked) => {
    const block = only(describeEvidence({ index: 0, statement }), "statement");
    expect(markedTexts(block.lines)).toEqual(marked);
  });

  it("marks the actions the evidence names inside the statement, and titles it by position and sid", () => {
    const evidence = {
      policy: "arn:aws:iam::123456789012:policy/deploy",
      escalationActions: ["iam:PassRole", "ec2:RunInstances"],
      statement: { index: 1, sid: "Deploy", statement: { Effect: "Allow", Action: ["iam:PassRole", "ec2:RunInstances", "s3:GetObject"], Resource: "*" } },
    };
    const blocks = describeEvidence(evidence);
    expect(blocks[0]).toMatchObject({ kind: "fields", rows: [{ key: "policy" }, { key: "escalationActions", value: "iam:PassRole, ec2:RunInstances" }] });
    const statement = only(blocks, "statement");
    expect(statement.title).toBe("Statement 2 (Deploy)");
    expect(markedTexts(statement.lines)).toEqual(['"iam:PassRole"', '"ec2:RunInstances"', '"*"']);
  });

  it("shows every statement of a whole policy document", () => {
    const blocks = describeEvidence({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }, { Effect: "Deny", Action: "s3:DeleteBucket", Resource: "*" }] });
    expect(blocks.map((block) => block.kind)).toEqual(["fields", "statement", "statement"]);
  });

  it("shows security-group permissions as rules with open ranges marked", () => {
    const blocks = describeEvidence({
      groupId: "sg-0abc",
      rules: [
        { ipProtocol: "tcp", fromPort: 22, toPort: 22, ipv4Ranges: ["0.0.0.0/0"], ipv6Ranges: ["::/0"], userIdGroupPairs: [], prefixListIds: [] },
        { ipProtocol: "-1", ipv4Ranges: ["10.0.0.0/8"], ipv6Ranges: [], userIdGroupPairs: ["sg-1"], prefixListIds: [] },
        { ipProtocol: "tcp", fromPort: 8000, toPort: 8080, ipv4Ranges: [], ipv6Ranges: [], userIdGroupPairs: [], prefixListIds: ["pl-1"] },
        { ipProtocol: "tcp", fromPort: 3389, toPort: 3389, sources: ["0.0.0.0/0"] },
      ],
    });
    const rules = only(blocks, "security_group_rules");
    expect(rules.rules).toEqual([
      { protocol: "tcp", ports: "22", sources: [{ text: "0.0.0.0/0", mark: true }, { text: "::/0", mark: true }] },
      { protocol: "all", ports: "all", sources: [{ text: "10.0.0.0/8", mark: false }, { text: "sg-1", mark: false }] },
      { protocol: "tcp", ports: "8000–8080", sources: [{ text: "pl-1", mark: false }] },
      { protocol: "tcp", ports: "3389", sources: [{ text: "0.0.0.0/0", mark: true }] },
    ]);
  });

  it("shows lists of flat objects (the parts an unknown finding could not read) as a table", () => {
    const blocks = describeEvidence({ unavailable: [{ part: "ec2.instances", region: "eu-west-1", status: "error", code: "AccessDenied" }, { part: "iam.credentialReport", status: "missing" }] });
    expect(blocks).toEqual([
      {
        kind: "table",
        title: "Unavailable",
        columns: ["part", "region", "status", "code"],
        rows: [
          ["ec2.instances", "eu-west-1", "error", "AccessDenied"],
          ["iam.credentialReport", "", "missing", ""],
        ],
      },
    ]);
  });

  it("falls back to pretty JSON for deeply nested values and never yields more than a dozen blocks", () => {
    const deep = { a: { b: { c: { d: { e: [{ f: { g: 1 } }] } } } } };
    expect(describeEvidence(deep).at(-1)?.kind).toBe("json");
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`k${index}`, { x: { y: index } }]));
    expect(describeEvidence(many).length).toBeLessThanOrEqual(12);
  });

  it("shows scalar evidence as a single field", () => {
    expect(describeEvidence("no trail")).toEqual([{ kind: "fields", title: "Evidence", rows: [{ key: "Evidence", value: "no trail", mark: false }] }]);
    expect(describeEvidence(undefined)).toEqual([]);
  });
});

describe("statement titles", () => {
  it.each([
    [{ Effect: "Allow", Action: "*", Resource: "*" }, "Statement"],
    [{ index: 0, statement: { Effect: "Allow", Action: "*", Resource: "*" } }, "Statement 1"],
    [{ bucketPolicy: { index: 2, sid: "Public", statement: { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" } } }, "Bucket policy · Statement 3 (Public)"],
    [{ Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] }, "Statement"],
  ])("titles %j as %j", (evidence, title) => {
    expect(describeEvidence(evidence).find((block) => block.kind === "statement")?.title).toBe(title);
  });
});

describe("nested evidence", () => {
  it("opens lists of objects that hold statements, keeping their own fields", () => {
    const evidence = {
      bucket: "site",
      publicStatements: [
        {
          statement: { sid: "PublicRead", index: 0, statement: { Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" } },
          nonRestrictingConditionKeys: [],
        },
      ],
    };
    const blocks = describeEvidence(evidence);
    expect(blocks.map((block) => [block.kind, block.title])).toEqual([
      ["fields", "Evidence"],
      ["fields", "Public statements"],
      ["statement", "Statement 1 (PublicRead)"],
    ]);
    expect(blocks[1]).toMatchObject({ rows: [{ key: "nonRestrictingConditionKeys", value: "none" }] });
    expect(markedTexts((blocks[2] as Extract<EvidenceBlock, { kind: "statement" }>).lines)).toEqual(['"*"']);
  });
});

describe("evidenceHasMarks", () => {
  it.each([
    [{ Effect: "Allow", Action: "*", Resource: "*" }, true],
    [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }, false],
    [{ rules: [{ ipProtocol: "tcp", fromPort: 22, sources: ["0.0.0.0/0"] }] }, true],
    [{ cidr: "::/0" }, true],
    [{ user: "alice", arn: "arn:x", mfa_active: false }, false],
  ])("says whether %j has marked parts: %s", (evidence, marked) => {
    expect(evidenceHasMarks(describeEvidence(evidence))).toBe(marked);
  });
});

describe("statements with notes", () => {
  it("keeps a statement's scalar notes in its title instead of a separate table", () => {
    const blocks = describeEvidence({
      policy: "arn:aws:iam::123456789012:policy/all",
      statements: [{ index: 0, conditional: false, statement: { Effect: "Allow", Action: "*", Resource: "*" } }],
    });
    expect(blocks.map((block) => [block.kind, block.title])).toEqual([
      ["fields", "Evidence"],
      ["statement", "Statement 1 · conditional: false"],
    ]);
  });
});
