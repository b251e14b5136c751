import { describe, expect, it } from "vitest";
import { describeCancel } from "./describe-cancel";

describe("the message after Cancel", () => {
  it.each([
    [{ scope: "run", cancelledQueued: 0, flaggedRunning: 0 }, "info", "Nothing left to cancel: the collection has finished."],
    [{ scope: "account", cancelledQueued: 0, flaggedRunning: 0 }, "info", "Nothing to cancel: this account has finished."],
    [{ scope: "account", cancelledQueued: 1, flaggedRunning: 0 }, "success", "Cancelled before it started."],
    [{ scope: "account", cancelledQueued: 0, flaggedRunning: 1 }, "success", "Stopping within a few seconds; what earlier collections stored is kept."],
    [
      { scope: "run", cancelledQueued: 3, flaggedRunning: 1 },
      "success",
      "3 queued accounts cancelled; 1 running account stopping within a few seconds. Accounts already finished keep their results.",
    ],
  ] as const)("%j → %s %j", (outcome, tone, message) => {
    expect(describeCancel(outcome)).toEqual({ tone, message });
  });
});
