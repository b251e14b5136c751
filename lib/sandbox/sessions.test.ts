import { describe, expect, it } from "vitest";
import { MAX_SESSIONS, SessionRegistry } from "./sessions";

const fields = { accountId: "111122223333", roleName: "iamfit-audit", roleArn: "arn:aws:iam::111122223333:role/iamfit-audit", roleId: "AROAEXAMPLE", sessionName: "iamfit", expiresAt: Date.now() + 900_000 };

describe("the session registry", () => {
  it("keeps at most MAX_SESSIONS valid sessions, dropping the least recently used, not the ones in use", () => {
    const registry = new SessionRegistry(7, Date.now);
    const inUse = registry.issue(fields);
    const unused = registry.issue(fields);
    for (let index = 0; index < MAX_SESSIONS - 1; index++) {
      expect(registry.find(inUse.accessKeyId)).toBeDefined();
      registry.issue(fields);
    }
    expect(registry.find(inUse.accessKeyId)).toEqual(inUse);
    expect(registry.find(unused.accessKeyId)).toBeUndefined();
  });
});
