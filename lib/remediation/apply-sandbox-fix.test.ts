import { describe, expect, it } from "vitest";
import { SandboxMutationError, type SandboxMutation } from "@/lib/sandbox/mutations";
import { applySandboxFix } from "./apply-sandbox-fix";

const key = (keyIndex: 1 | 2): SandboxMutation => ({ type: "deactivate-access-key", accountId: "123456789012", userName: "alice", keyIndex });

function fakes(refuse?: SandboxMutation) {
  const applied: SandboxMutation[] = [];
  const stored: unknown[] = [{ type: "earlier" }];
  return {
    applied,
    stored,
    dependencies: {
      world: {
        applyMutation(mutation: SandboxMutation) {
          if (mutation === refuse) throw new SandboxMutationError("no such key");
          applied.push(mutation);
        },
      },
      loadMutations: async () => [...stored],
      saveMutations: async (mutations: unknown[]) => {
        stored.splice(0, stored.length, ...mutations);
      },
    },
  };
}

describe("applySandboxFix", () => {
  it("applies the mutations to the world and appends them to the stored list", async () => {
    const { applied, stored, dependencies } = fakes();
    expect(await applySandboxFix(dependencies, [key(1), key(2)])).toEqual([key(1), key(2)]);
    expect(applied).toEqual([key(1), key(2)]);
    expect(stored).toEqual([{ type: "earlier" }, key(1), key(2)]);
  });

  it("stores the mutations applied before one the world refuses, and rethrows", async () => {
    const refused = key(2);
    const { stored, dependencies } = fakes(refused);
    await expect(applySandboxFix(dependencies, [key(1), refused])).rejects.toBeInstanceOf(SandboxMutationError);
    expect(stored).toEqual([{ type: "earlier" }, key(1)]);
  });

  it("stores nothing when the first mutation is refused", async () => {
    const refused = key(1);
    const { stored, dependencies } = fakes(refused);
    await expect(applySandboxFix(dependencies, [refused])).rejects.toThrow("no such key");
    expect(stored).toEqual([{ type: "earlier" }]);
  });
});
