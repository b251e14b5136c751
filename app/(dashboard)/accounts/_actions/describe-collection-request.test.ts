import { describe, expect, it } from "vitest";
import { describeCollectionRequest } from "./describe-collection-request";

describe("describeCollectionRequest", () => {
  it.each([
    [
      "a started run for one account",
      { scope: "one", runId: 12n, queued: 1, alreadyActive: 0, activeRunIds: [] },
      { tone: "success", message: "Collection #12 started.", runId: "12" },
    ],
    [
      "a started run for all, some left out",
      { scope: "all", runId: 12n, queued: 40, alreadyActive: 2, activeRunIds: [11n] },
      { tone: "success", message: "Collection #12 started for 40 accounts. 2 accounts already being collected were left out.", runId: "12" },
    ],
    [
      "one account already being collected, with the run collecting it",
      { scope: "one", runId: null, queued: 0, alreadyActive: 1, activeRunIds: [11n] },
      { tone: "info", message: "Already being collected; nothing new was started.", runId: "11" },
    ],
    [
      "every account already being collected",
      { scope: "all", runId: null, queued: 0, alreadyActive: 3, activeRunIds: [11n, 11n, 11n] },
      { tone: "info", message: "All 3 accounts are already being collected; nothing new was started.", runId: "11" },
    ],
    [
      "no accounts at all",
      { scope: "all", runId: null, queued: 0, alreadyActive: 0, activeRunIds: [] },
      { tone: "info", message: "There are no linked accounts to collect." },
    ],
  ] as const)("describes %s", (_name, outcome, expected) => {
    expect(describeCollectionRequest({ ...outcome, activeRunIds: [...outcome.activeRunIds] })).toEqual(expected);
  });

  it("says an account outside the collection scope was not collected, and why", () => {
    expect(
      describeCollectionRequest({ scope: "one", runId: null, queued: 0, alreadyActive: 0, activeRunIds: [], outOfScope: [{ reason: "excluded by tag env=dev" }] }),
    ).toEqual({ tone: "info", message: "Not collected: this account is outside the collection scope (excluded by tag env=dev). Change the scope in Settings." });
  });

  it("counts the accounts outside the collection scope that a started run left out", () => {
    expect(
      describeCollectionRequest({ scope: "all", runId: 12n, queued: 4, alreadyActive: 0, activeRunIds: [], outOfScope: [{ reason: "a" }, { reason: "b" }] }),
    ).toEqual({ tone: "success", message: "Collection #12 started for 4 accounts. 2 accounts outside the collection scope were left out.", runId: "12" });
  });
});
