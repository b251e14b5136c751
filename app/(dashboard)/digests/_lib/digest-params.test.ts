import { describe, expect, it } from "vitest";
import { digestPageHref, parseDigestPageParams } from "./digest-params";

const id = "6f1c2b1e-7d3a-4c55-9b8e-0a1b2c3d4e5f";

describe("parseDigestPageParams", () => {
  it.each([
    [{}, { view: "html", creating: true }],
    [{ subscription: id }, { subscription: id, view: "html", creating: false }],
    [{ subscription: id, view: "text", notice: "test-queued" }, { subscription: id, view: "text", creating: false, notice: "test-queued" }],
    [{ subscription: id, new: "1" }, { subscription: id, view: "html", creating: true }],
    [{ subscription: "'; drop table", view: "pdf", notice: "<script>" }, { view: "html", creating: true }],
    [{ subscription: [id, "other"] }, { subscription: id, view: "html", creating: false }],
  ])("reads %j", (params, expected) => {
    expect(parseDigestPageParams(params)).toEqual(expected);
  });
});

describe("digestPageHref", () => {
  it.each([
    [{}, "/digests"],
    [{ subscription: id }, `/digests?subscription=${id}`],
    [{ subscription: id, view: "text" as const, notice: "saved" as const }, `/digests?subscription=${id}&view=text&notice=saved`],
  ])("links %j", (state, href) => {
    expect(digestPageHref(state)).toBe(href);
  });
});
