import { describe, expect, it } from "vitest";
import { base32Encode, totpKey } from "./totp-uri";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("base32Encode", () => {
  it.each([
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ])("encodes %j as RFC 4648's test vector %s (unpadded)", (input, expected) => {
    expect(base32Encode(bytes(input))).toBe(expected);
  });
});

describe("totpKey", () => {
  it("builds the otpauth URI an authenticator app scans, and the secret grouped for typing", () => {
    const key = totpKey({ issuer: "iamfit", account: "ada@example.com", secret: "foobarfoobar" });
    expect(key.uri).toBe("otpauth://totp/iamfit:ada%40example.com?secret=MZXW6YTBOJTG633CMFZA&issuer=iamfit&digits=6&period=30");
    expect(key.typedSecret).toBe("MZXW 6YTB OJTG 633C MFZA");
  });

  it("takes a secret stored as Base32 as it is", () => {
    expect(totpKey({ issuer: "iamfit", account: "a@b.c", secret: "base32:mzxw6ytb" }).typedSecret).toBe("MZXW 6YTB");
  });
});
