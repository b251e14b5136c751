/**
 * Applying a fix to the sandbox organization: to the world this process serves, and to the
 * stored list every process replays at start-up (lib/runtime/sandbox-setup.ts). The world and
 * the store are passed in, so the web action and the CLI share this one sequence.
 */
import type { SandboxMutation } from "@/lib/sandbox/mutations";

export interface SandboxFixDependencies {
  world: { applyMutation(mutation: SandboxMutation): void };
  loadMutations(): Promise<unknown[]>;
  saveMutations(mutations: unknown[]): Promise<void>;
}

/**
 * Applies the mutations in order. A mutation the world refuses (SandboxMutationError: it names
 * something that does not exist) stops the sequence and is rethrown; the ones applied before it
 * are still stored, because the world already has them.
 */
export async function applySandboxFix(dependencies: SandboxFixDependencies, mutations: SandboxMutation[]): Promise<SandboxMutation[]> {
  const applied: SandboxMutation[] = [];
  let failure: unknown;
  for (const mutation of mutations) {
    try {
      dependencies.world.applyMutation(mutation);
      applied.push(mutation);
    } catch (error) {
      failure = error;
      break;
    }
  }
  if (applied.length > 0) await dependencies.saveMutations([...(await dependencies.loadMutations()), ...applied]);
  if (failure !== undefined) throw failure;
  return applied;
}
