import type { AccountIdentity, BuildContext } from "@/lib/sandbox/account-builder";
import type { FaultRule } from "@/lib/sandbox/faults";
import type { SandboxAccount } from "@/lib/sandbox/model";

/** A hand-written account: its identity (cheap, for listings) and how to build its details. */
export interface CuratedAccountDefinition {
  identity: AccountIdentity;
  build(ctx: BuildContext): SandboxAccount;
  /** Faults this account always shows unless built-in rules are turned off (FaultPlan.builtInRules). */
  builtInFaults?: FaultRule[];
}
