import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RunDescription } from "./run-description";

const AT = new Date("2026-12-07T13:02:41Z");
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("RunDescription", () => {
  it.each([
    [{ status: "running", cancelRequestedAt: AT, cancelRequestedBy: "ada@example.com" }, true,
      "Cancel requested by ada@example.com at 2026-12-07 13:02 UTC: running accounts stop within a few seconds. Refreshing every 2 seconds while the collection runs."],
    [{ status: "cancelled", cancelRequestedAt: AT, cancelRequestedBy: "ada@example.com" }, false,
      "Cancelled by ada@example.com at 2026-12-07 13:02 UTC. Accounts that had finished before keep their results."],
    [{ status: "cancelled", cancelRequestedAt: AT, cancelRequestedBy: "cli" }, false,
      "Cancelled by the command line at 2026-12-07 13:02 UTC. Accounts that had finished before keep their results."],
    [{ status: "succeeded", cancelRequestedAt: AT, cancelRequestedBy: "ada@example.com" }, false,
      "A cancel requested by ada@example.com at 2026-12-07 13:02 UTC came after every account had finished."],
    [{ status: "running", cancelRequestedAt: null, cancelRequestedBy: null }, true, "Refreshing every 2 seconds while the collection runs."],
    [{ status: "partial", cancelRequestedAt: null, cancelRequestedBy: null }, false, ""],
  ])("says who cancelled the run and when (%j)", (run, active, expected) => {
    expect(text(renderToStaticMarkup(<RunDescription run={run} active={active} />))).toBe(expected);
  });
});
