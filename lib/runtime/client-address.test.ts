import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("uses the socket address and ignores X-Forwarded-For unless the proxy is trusted", () => {
    expect(clientAddress("::ffff:10.0.0.7", "6.6.6.6", false)).toBe("10.0.0.7");
  });

  it("takes the left-most X-Forwarded-For entry behind a trusted proxy", () => {
    expect(clientAddress("10.0.0.1", "203.0.113.9, 10.0.0.1", true)).toBe("203.0.113.9");
  });

  it("falls back to the socket when a trusted proxy sent no X-Forwarded-For", () => {
    expect(clientAddress("192.0.2.4", undefined, true)).toBe("192.0.2.4");
  });
});
