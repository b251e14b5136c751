import { describe, expect, it } from "vitest";
import { codeStepMessage, passwordStepMessage, WRONG_CREDENTIALS } from "./sign-in-messages";

describe("passwordStepMessage", () => {
  it("says the same for an unknown email and a wrong password", () => {
    expect(passwordStepMessage({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" })).toBe(WRONG_CREDENTIALS);
    expect(passwordStepMessage({ status: 400, code: "INVALID_EMAIL" })).toBe(WRONG_CREDENTIALS);
  });

  it("passes the lockout's message on: it says when to retry", () => {
    const message = "Too many failed sign-ins for this email. Try again after 10:14 UTC.";
    expect(passwordStepMessage({ status: 429, code: "SIGN_IN_LOCKED", message })).toBe(message);
  });

  it("tells a rate-limited network how long to wait", () => {
    expect(passwordStepMessage({ status: 429, retryAfterSeconds: 42 })).toBe("Too many sign-in attempts from your network. Try again in 42 seconds.");
    expect(passwordStepMessage({ status: 429, retryAfterSeconds: 600 })).toMatch(/10 minutes/);
  });

  it("says a disabled account is disabled (only after the right password)", () => {
    expect(passwordStepMessage({ status: 403, code: "BANNED_USER" })).toMatch(/disabled/);
  });
});

describe("codeStepMessage", () => {
  it("lets a wrong code be tried again, and sends an expired challenge back to sign-in", () => {
    expect(codeStepMessage({ status: 401, code: "INVALID_CODE" })).toMatchObject({ restart: false });
    expect(codeStepMessage({ status: 401, code: "INVALID_TWO_FACTOR_COOKIE" })).toMatchObject({ restart: true });
    expect(codeStepMessage({ status: 400, code: "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE" })).toMatchObject({ restart: true });
  });
});
