/**
 * The sandbox organization: a deterministic synthetic AWS organization answered at the SDK level,
 * so iamfit's collectors run against it unchanged (DESIGN.md, "The sandbox organization").
 *
 *   const world = createSandboxWorld({ seed: 7, generatedAccounts: 1000 });
 *   const iam = new IAMClient({ region: "us-east-1", credentials: SANDBOX_BASE_CREDENTIALS });
 *   iam.middlewareStack.use(sandboxPlugin(world, { latencyMs: 40 }));
 */
export { createSandboxWorld, type CreateSandboxWorldOptions, type SandboxWorld } from "@/lib/sandbox/world";
export { sandboxPlugin } from "@/lib/sandbox/plugin";
export { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
export type { FaultKind, FaultPlan, FaultRule } from "@/lib/sandbox/faults";
export type { SandboxStats } from "@/lib/sandbox/stats";
export type { SandboxAccount, SandboxAccountSummary } from "@/lib/sandbox/model";
export { SandboxMutationError, sandboxMutationSchema, type SandboxMutation } from "@/lib/sandbox/mutations";
export { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
