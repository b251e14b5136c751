import { describe, expect, it } from "vitest";
import { accountInAlertScope, severitiesFrom } from "./destination";
import { eventsForDestination, findingEvents, overdueEvents, type NewFailingInterval } from "./events";

const account = { awsAccountId: "111122223333", name: "prod", ouPath: "Root/Workloads/Prod", tags: { env: "prod" } };

function interval(overrides: Partial<NewFailingInterval> = {}): NewFailingInterval {
  return {
    intervalId: "41",
    account,
    checkId: "root.access-keys",
    checkTitle: "The root user has no active access key",
    exercise: 1,
    severity: "critical",
    resourceId: "arn:aws:iam::111122223333:root",
    resourceName: "root",
    resourceType: "root",
    region: null,
    reason: "The root user has 1 active access key.",
    firstSeenAt: new Date("2026-12-07T10:00:00Z"),
    before: "none",
    ...overrides,
  };
}

const path = () => "/accounts/111122223333";

describe("finding events", () => {
  it("makes a failing interval that starts a failure an opened event, keyed by the interval", () => {
    expect(findingEvents([interval()], path)).toMatchObject([{ key: "finding-interval:41", event: "finding_opened", status: "fail", path: "/accounts/111122223333" }]);
  });

  it("makes a failure after a pass a reopened event", () => {
    expect(findingEvents([interval({ before: "earlier" })], path)[0]?.event).toBe("finding_reopened");
  });

  it("is silent when a failure only continues (its evidence or severity changed)", () => {
    expect(findingEvents([interval({ before: "continued" })], path)).toEqual([]);
  });
});

describe("overdue events", () => {
  const item = { itemId: "7", account, checkId: "keys.rotated", checkTitle: "Keys", exercise: 6 as const, severity: "high" as const, resourceId: "r", resourceName: "alice access key 1", resourceType: "access_key", region: null, dueOn: "2026-12-06" };

  it("is overdue from the day after the due day, keyed by item and due day", () => {
    expect(overdueEvents([item], "2026-12-06", path)).toEqual([]);
    expect(overdueEvents([item], "2026-12-07", path)).toMatchObject([{ key: "checklist-overdue:7:2026-12-06", status: "overdue" }]);
  });
});

describe("which events a destination receives", () => {
  const events = findingEvents(
    [interval(), interval({ intervalId: "42", severity: "medium" }), interval({ intervalId: "43", firstSeenAt: new Date("2026-12-01T00:00:00Z") })],
    path,
  );
  const destination = { minSeverity: "high" as const, events: ["finding_opened" as const], scope: { kind: "all" as const }, createdAt: new Date("2026-12-05T00:00:00Z") };

  it("keeps events at or above the minimum severity, of the chosen kinds, since the destination exists", () => {
    expect(eventsForDestination(destination, events).map((event) => event.key)).toEqual(["finding-interval:41"]);
    expect(eventsForDestination({ ...destination, events: ["finding_reopened"] }, events)).toEqual([]);
  });

  it("keeps only accounts in scope", () => {
    expect(eventsForDestination({ ...destination, scope: { kind: "tags", tags: [{ key: "env", value: "dev" }] } }, events)).toEqual([]);
  });
});

describe("alert scope", () => {
  it.each([
    [{ kind: "ous" as const, ouPaths: ["Root/Workloads"] }, true],
    [{ kind: "ous" as const, ouPaths: ["root/workloads/prod/"] }, true],
    [{ kind: "ous" as const, ouPaths: ["Root/Work"] }, false],
    [{ kind: "accounts" as const, awsAccountIds: ["111122223333"] }, true],
    [{ kind: "tags" as const, tags: [{ key: "env" }] }, true],
  ])("%j covers an account in Root/Workloads/Prod: %s", (scope, expected) => {
    expect(accountInAlertScope(scope, account)).toBe(expected);
  });
});

describe("severities a minimum covers", () => {
  it.each([
    ["critical", ["critical"]],
    ["high", ["critical", "high"]],
    ["low", ["critical", "high", "medium", "low"]],
  ] as const)("%s covers %j", (minimum, severities) => {
    expect(severitiesFrom(minimum)).toEqual(severities);
  });
});
