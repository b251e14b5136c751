import { describe, expect, it } from "vitest";
import { parseSetupInput } from "./setup-input";

const valid = { email: " Ada@Example.com ", name: "Ada Lovelace", password: "violet-anchor-mango-7", confirmPassword: "violet-anchor-mango-7" };

describe("parseSetupInput", () => {
  it("accepts a complete form and lower-cases the email", () => {
    expect(parseSetupInput(valid)).toEqual({ ok: true, input: { ...valid, email: "ada@example.com" } });
  });

  it("names each problem beside its field", () => {
    expect(parseSetupInput({ email: "nope", name: " ", password: "short", confirmPassword: "" })).toEqual({
      ok: false,
      fieldErrors: { email: "Enter an email address.", name: "Enter your name.", password: "Use at least 12 characters." },
    });
  });

  it("rejects a common password and a confirmation that differs", () => {
    expect(parseSetupInput({ ...valid, password: "password1234", confirmPassword: "password1234" })).toMatchObject({ fieldErrors: { password: expect.stringMatching(/too easy/) } });
    expect(parseSetupInput({ ...valid, confirmPassword: "violet-anchor-mango-8" })).toMatchObject({ fieldErrors: { confirmPassword: "The passwords differ." } });
  });
});
