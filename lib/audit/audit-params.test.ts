import { describe, expect, it } from "vitest";
import { auditQueryFrom, decodeAuditCursor, encodeAuditCursor, parseAuditParams } from "./audit-params";

describe("audit log URL state", () => {
  it("keeps valid filters and drops invalid ones", () => {
    expect(parseAuditParams({ action: "auth.", outcome: "failure", actor: " alice ", days: "7" })).toEqual({ action: "auth.", outcome: "failure", actor: "alice", days: 7 });
    expect(parseAuditParams({ action: "'; drop table", outcome: "maybe", days: "-1", before: "x" })).toEqual({});
  });

  it("turns days into a since date", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    expect(auditQueryFrom({ days: 1 }, now).since).toEqual(new Date("2026-12-01T12:00:00Z"));
  });

  it("round-trips the keyset cursor", () => {
    const cursor = { occurredAt: new Date("2026-12-02T12:00:00.123Z"), id: 42n };
    const encoded = encodeAuditCursor(cursor);
    expect(parseAuditParams({ before: encoded }).before).toBe(encoded);
    expect(decodeAuditCursor(encoded)).toEqual(cursor);
  });
});
