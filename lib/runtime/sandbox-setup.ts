/**
 * First start in sandbox mode: link the sandbox organization's accounts so a newcomer sees a
 * full scorecard without any set-up. Sandbox changes (fixes applied in demos and tests) are kept
 * in the database so every process replays the same world.
 */
import { linkAccount, hasEverLinkedAccounts } from "@/lib/db/accounts";
import { getSetting, setSetting } from "@/lib/db/settings";
import type { SandboxWorld } from "@/lib/sandbox";

const MUTATIONS_KEY = "sandbox.mutations";

export async function linkSandboxAccountsOnFirstStart(
  world: SandboxWorld,
  externalId: string,
  log: (line: string) => void,
): Promise<void> {
  if (await hasEverLinkedAccounts()) return;
  const accounts = world.accounts();
  for (const account of accounts) {
    await linkAccount(
      { accountId: account.accountId, roleArn: account.roleArn, externalId, name: account.name, tags: account.tags },
      "sandbox",
    );
  }
  log(`linked the ${accounts.length} accounts of the sandbox organization`);
}

export async function loadSandboxMutations(): Promise<unknown[]> {
  return (await getSetting<unknown[]>(MUTATIONS_KEY)) ?? [];
}

export async function saveSandboxMutations(mutations: unknown[]): Promise<void> {
  await setSetting(MUTATIONS_KEY, mutations);
}
