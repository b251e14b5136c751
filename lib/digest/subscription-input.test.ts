import { describe, expect, it } from "vitest";
import { readSubscriptionForm, subscriptionFieldErrors, subscriptionFormSchema } from "./subscription-input";

const valid = { email: " ops@example.com ", scope: "all", accounts: [], tags: "", weekday: "1", hour: "9", timeZone: "Europe/Berlin" };

function errorsOf(input: Record<string, unknown>) {
  const parsed = subscriptionFormSchema.safeParse(input);
  return parsed.success ? {} : subscriptionFieldErrors(parsed.error);
}

describe("subscriptionFormSchema", () => {
  it("accepts a subscription to all accounts and trims the address", () => {
    expect(subscriptionFormSchema.parse(valid)).toEqual({
      email: "ops@example.com",
      scope: { kind: "all" },
      schedule: { weekday: 1, hour: 9, timeZone: "Europe/Berlin" },
    });
  });

  it("keeps chosen accounts once each, sorted", () => {
    const parsed = subscriptionFormSchema.parse({ ...valid, scope: "accounts", accounts: ["222222222222", "111111111111", "222222222222"] });
    expect(parsed.scope).toEqual({ kind: "accounts", awsAccountIds: ["111111111111", "222222222222"] });
  });

  it("reads tags one per line, with or without a value", () => {
    const parsed = subscriptionFormSchema.parse({ ...valid, scope: "tags", tags: "env=prod\n\n team \nowner=a=b" });
    expect(parsed.scope).toEqual({ kind: "tags", tags: [{ key: "env", value: "prod" }, { key: "team" }, { key: "owner", value: "a=b" }] });
  });

  it.each([
    ["an address that is not one", { email: "not-an-address" }, "email", "must be an email address"],
    ["chosen accounts without any", { scope: "accounts", accounts: [] }, "accounts", "choose at least one account"],
    ["an account id that is not 12 digits", { scope: "accounts", accounts: ["12345"] }, "accounts", "must be 12-digit AWS account ids"],
    ["tags without any", { scope: "tags", tags: "  \n" }, "tags", "give at least one tag, e.g. env=prod"],
    ["a weekday of 0", { weekday: "0" }, "weekday", "must be a weekday"],
    ["an hour of 24", { hour: "24" }, "hour", "must be an hour from 0 to 23"],
    ["an empty hour (not midnight)", { hour: "" }, "hour", "must be an hour from 0 to 23"],
    ["an unknown time zone", { timeZone: "Europe/Atlantis" }, "timeZone", "must be an IANA time zone such as Europe/Berlin"],
    ["an unknown scope", { scope: "everyone" }, "scope", "must be all accounts, chosen accounts or tags"],
  ])("rejects %s with a message on its field", (_label, change, field, message) => {
    expect(errorsOf({ ...valid, ...change })).toEqual({ [field]: message });
  });
});

describe("readSubscriptionForm", () => {
  it("reads repeated account values and ignores empty ones", () => {
    const form = new FormData();
    form.set("email", "a@example.com");
    form.set("scope", "accounts");
    form.append("accounts", "111111111111");
    form.append("accounts", "");
    form.append("accounts", "222222222222");
    form.set("weekday", "3");
    form.set("hour", "7");
    form.set("timeZone", "UTC");
    expect(readSubscriptionForm(form)).toEqual({
      email: "a@example.com",
      scope: "accounts",
      accounts: ["111111111111", "222222222222"],
      tags: "",
      weekday: "3",
      hour: "7",
      timeZone: "UTC",
    });
  });
});
