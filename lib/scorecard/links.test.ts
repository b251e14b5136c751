import { describe, expect, it } from "vitest";
import { parseResourceSearchParams } from "./search-params";
import { accountExerciseHref, exerciseHref, resourceHref } from "./links";

describe("scorecard links", () => {
  it.each([
    "arn:aws:iam::123456789012:user/path/with/slashes/alice",
    "arn:aws:iam::123456789012:user/a#access_key_1",
    "arn:aws:iam::123456789012:role/x?y=z&w=%41",
    "<img src=x onerror=alert(1)>",
    "eu-west-1",
  ])("carries the resource id %j through the URL unchanged", (resourceId) => {
    const href = resourceHref("123456789012", resourceId);
    const url = new URL(href, "http://iamfit.test");
    expect(url.pathname).toBe("/accounts/123456789012/resources");
    expect(parseResourceSearchParams(Object.fromEntries(url.searchParams))).toEqual({ resourceId });
  });

  it("builds exercise drill-down links with their filters", () => {
    expect(accountExerciseHref("123456789012", 3)).toBe("/accounts/123456789012/exercises/3");
    expect(exerciseHref(9, { check: "sg.admin-ports-open" })).toBe("/exercises/9?check=sg.admin-ports-open");
  });
});
