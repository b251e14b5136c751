import { describe, expect, it } from "vitest";
import { buildDigest, displayText, formatChange, SECTION_LIMIT } from "./content";
import { accountFacts, checklistEntry, digestContext, digestData, findingChange } from "./testing/factories";

describe("buildDigest: the score", () => {
  it("uses the stored organization score and its change for a digest of all accounts", () => {
    const model = buildDigest(
      digestData({ organization: { now: 72, before: 75 }, accounts: [accountFacts({ awsAccountId: "111111111111" }), accountFacts({ awsAccountId: "222222222222", assessedNow: false, scoreNow: null })] }),
      digestContext(),
    );
    expect(model.score).toEqual({ label: "Organization score", now: 72, change: -3, href: "https://iamfit.example.com/", assessed: 1, total: 2 });
    expect(model.subject).toBe("iamfit weekly digest: score 72 (\u22123)");
  });

  it("averages the accounts in scope for a narrower digest", () => {
    const model = buildDigest(
      digestData({
        scope: { kind: "accounts", awsAccountIds: ["111111111111", "222222222222"] },
        organization: null,
        accounts: [accountFacts({ awsAccountId: "111111111111", scoreNow: 90, scoreBefore: 70 }), accountFacts({ awsAccountId: "222222222222", scoreNow: 61, scoreBefore: 60 })],
      }),
      digestContext(),
    );
    expect(model.score).toMatchObject({ label: "Score of 2 accounts in this digest", now: 76, change: 11 });
  });

  it("says there is no comparison when nothing was scored a week ago", () => {
    const model = buildDigest(digestData({ organization: { now: 50, before: null } }), digestContext());
    expect(model.score.change).toBeNull();
    expect(model.subject).toBe("iamfit weekly digest: score 50");
  });

  it("counts new critical and high failures in the subject", () => {
    const model = buildDigest(digestData({ organization: { now: 50, before: 50 }, newFailures: { items: [findingChange()], total: 3 } }), digestContext());
    expect(model.subject).toBe("iamfit weekly digest: score 50 (±0), 3 new critical/high failures");
  });
});

describe("buildDigest: account score changes", () => {
  it("lists the biggest drops first, then gains, then first assessments, and counts the unchanged", () => {
    const model = buildDigest(
      digestData({
        accounts: [
          accountFacts({ awsAccountId: "100000000001", name: "gain", scoreBefore: 50, scoreNow: 58 }),
          accountFacts({ awsAccountId: "100000000002", name: "small drop", scoreBefore: 80, scoreNow: 78 }),
          accountFacts({ awsAccountId: "100000000003", name: "big drop", scoreBefore: 90, scoreNow: 61 }),
          accountFacts({ awsAccountId: "100000000004", name: "new", scoreBefore: null, assessedBefore: false, scoreNow: 40 }),
          accountFacts({ awsAccountId: "100000000005", name: "steady", scoreBefore: 70, scoreNow: 70 }),
          accountFacts({ awsAccountId: "100000000006", name: "never assessed", assessedNow: false, scoreNow: null, scoreBefore: null, assessedBefore: false }),
        ],
      }),
      digestContext(),
    );
    expect(model.accountChanges.lines.map((line) => [line.name, line.before, line.now, line.change])).toEqual([
      ["big drop", 90, 61, -29],
      ["small drop", 80, 78, -2],
      ["gain", 50, 58, 8],
      ["new", null, 40, null],
    ]);
    expect(model.accountChanges.unchanged).toBe(1);
    expect(model.accountChanges.lines[0]?.href).toBe("https://iamfit.example.com/accounts/100000000003");
  });

  it(`shows at most ${SECTION_LIMIT} accounts and counts the rest`, () => {
    const accounts = Array.from({ length: 14 }, (_, index) => accountFacts({ awsAccountId: String(100000000000 + index), scoreBefore: 90, scoreNow: 80 - index }));
    const model = buildDigest(digestData({ accounts }), digestContext());
    expect(model.accountChanges.lines).toHaveLength(SECTION_LIMIT);
    expect(model.accountChanges.total).toBe(14);
    expect(model.accountChanges.lines[0]?.change).toBe(-23);
  });
});

describe("buildDigest: findings, checklists and accounts not assessed", () => {
  it("links each new failure to its resource and names its check", () => {
    const model = buildDigest(digestData({ newFailures: { items: [findingChange({ severity: "critical", resourceName: "ops/admin" })], total: 1 } }), digestContext());
    expect(model.newFailures.lines).toEqual([
      {
        severity: "critical",
        checkTitle: expect.any(String),
        exercise: 2,
        resourceName: "ops/admin",
        accountName: "production",
        reason: "ops/admin has a console password and no MFA",
        href: "https://iamfit.example.com/accounts/111111111111/resources?id=arn%3Aaws%3Aiam%3A%3A111111111111%3Auser%2Fops%2Fadmin",
      },
    ]);
    expect(model.newFailures.lines[0]?.checkTitle).not.toBe("users.console-mfa");
    expect(model.newFailures.moreHref).toBe("https://iamfit.example.com/changes");
    expect(model.fixed.moreHref).toBe("https://iamfit.example.com/changes?kind=fixed");
  });

  it("says how late overdue items are and when acceptances expire, linking to the checklist item", () => {
    const model = buildDigest(
      digestData({
        overdue: { items: [checklistEntry({ day: "2026-03-20", assignee: "dana" })], total: 1 },
        expiringAcceptances: {
          items: [checklistEntry({ itemId: "7", day: "2026-03-31" }), checklistEntry({ itemId: "8", day: "2026-04-05" }), checklistEntry({ itemId: "9", day: "2026-03-30" })],
          total: 3,
        },
      }),
      digestContext(),
    );
    expect(model.overdue?.lines[0]).toMatchObject({ when: "due 2026-03-20, 10 days overdue", assignee: "dana", href: "https://iamfit.example.com/accounts/111111111111/checklist?state=all#item-42" });
    expect(model.expiringAcceptances?.lines.map((line) => line.when)).toEqual([
      "expires 2026-03-31, tomorrow",
      "expires 2026-04-05, in 6 days",
      "expired 2026-03-30; reopens at the next collection",
    ]);
  });

  it("leaves the checklist sections out when checklists are not available", () => {
    const model = buildDigest(digestData({ overdue: null, expiringAcceptances: null }), digestContext());
    expect(model.overdue).toBeNull();
    expect(model.expiringAcceptances).toBeNull();
  });

  it.each([
    [{ lastStatus: "never", assessedNow: false }, "Not collected yet"],
    [{ lastStatus: "failed", assessedNow: false, lastError: { code: "AccessDenied", message: "not authorized to perform sts:AssumeRole", api: "sts:AssumeRole" } }, "Could not be collected: AccessDenied: not authorized to perform sts:AssumeRole (sts:AssumeRole)"],
    [{ lastStatus: "failed", assessedNow: true, lastError: { code: "Throttling" } }, "Last collection failed, scores are older: Throttling"],
    // iamfit's own codes read as words in the email, AWS's stay as AWS names them.
    [{ lastStatus: "failed", assessedNow: true, lastError: { code: "WorkerLost" } }, "Last collection failed, scores are older: Collection interrupted"],
    [{ lastStatus: "failed", assessedNow: false, lastError: null }, "Could not be collected: the last collection failed"],
  ])("explains why an account could not be assessed (%j)", (fields, reason) => {
    const model = buildDigest(digestData({ accounts: [accountFacts({ awsAccountId: "333333333333", scoreNow: null, ...fields })] }), digestContext());
    expect(model.notAssessed.lines).toEqual([{ name: "account 333333333333", awsAccountId: "333333333333", reason, href: "https://iamfit.example.com/accounts/333333333333" }]);
  });

  it("signs the unsubscribe link and links the settings of this subscription", () => {
    const model = buildDigest(digestData(), digestContext({ subscriptionId: "6f1c2b1e-7d3a-4c55-9b8e-0a1b2c3d4e5f", unsubscribeToken: "abc_-123" }));
    expect(model.links).toEqual({
      scorecard: "https://iamfit.example.com/",
      settings: "https://iamfit.example.com/digests?subscription=6f1c2b1e-7d3a-4c55-9b8e-0a1b2c3d4e5f",
      unsubscribe: "https://iamfit.example.com/digests/unsubscribe?s=6f1c2b1e-7d3a-4c55-9b8e-0a1b2c3d4e5f&t=abc_-123",
    });
  });

  it("writes the period in the subscriber's time zone", () => {
    const model = buildDigest(digestData({ window: { fromAt: "2026-03-22T23:30:00.000Z", toAt: "2026-03-29T23:30:00.000Z" } }), digestContext({ timeZone: "Europe/Berlin" }));
    expect(model.periodLabel).toBe("23 Mar 2026 – 30 Mar 2026");
  });
});

describe("displayText and formatChange", () => {
  it.each([
    ["alice", "alice"],
    ["line\nbreak\r\ninjected", "line break injected"],
    ["bidi \u202Egnp.exe", "bidi gnp.exe"],
    ["x".repeat(130), `${"x".repeat(119)}…`],
  ])("makes %j safe to show as %j", (input, output) => {
    expect(displayText(input)).toBe(output);
  });

  it.each([
    [3, "+3"],
    [-3, "\u22123"],
    [0, "±0"],
  ])("formats a change of %d as %s", (change, text) => {
    expect(formatChange(change)).toBe(text);
  });
});
