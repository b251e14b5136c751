/**
 * The sandbox world: curated accounts plus N generated ones, built lazily on first access and
 * held in a bounded LRU cache. An evicted account is rebuilt from the seed and its recorded
 * mutations are replayed, so memory stays flat however many accounts exist.
 */
import { accountEmail, accountTags, buildContext, type WorldFacts } from "@/lib/sandbox/account-builder";
import { AUDIT_ROLE_NAME } from "@/lib/sandbox/iam-builder";
import { BASE_USER_NAME } from "@/lib/sandbox/base-credentials";
import { CURATED_ACCOUNTS, CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated";
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";
import type { FaultRule } from "@/lib/sandbox/faults";
import { buildGeneratedAccount } from "@/lib/sandbox/generated-accounts";
import { describeGeneratedPosture, generatedAccountId, generatedTraits } from "@/lib/sandbox/generated-traits";
import { arns, requestIdFor } from "@/lib/sandbox/identifiers";
import { LruCache } from "@/lib/sandbox/lru-cache";
import type { SandboxAccount, SandboxAccountSummary } from "@/lib/sandbox/model";
import { applyMutationTo, parseMutation, SandboxMutationError, type SandboxMutation } from "@/lib/sandbox/mutations";
import { createRng } from "@/lib/sandbox/prng";
import { SessionRegistry } from "@/lib/sandbox/sessions";
import { StatsRecorder, type SandboxStats } from "@/lib/sandbox/stats";

export interface CreateSandboxWorldOptions {
  seed?: number;
  generatedAccounts?: number;
  /** Facts are dated relative to this day (UTC); default: today. */
  now?: Date;
  /** The ExternalId the audit roles expect (all but the partner account). */
  externalId?: string;
  /** Accounts kept built at once; default 100. */
  cacheSize?: number;
  /** Wall clock for session expiry and per-second stats; default Date.now. */
  clock?: () => number;
}

export interface SandboxWorld {
  seed: number;
  /** The account the base credentials belong to (security tooling). */
  baseAccountId: string;
  externalId: string;
  organizationId: string;
  managementAccountId: string;
  /** `now` truncated to the UTC day. */
  today: Date;
  accounts(): SandboxAccountSummary[];
  /** Built lazily; undefined for an unknown id. */
  account(accountId: string): SandboxAccount | undefined;
  applyMutation(mutation: SandboxMutation): void;
  mutations(): SandboxMutation[];
  stats(): SandboxStats;
  resetStats(): void;
}

export type CredentialReportState = { state: "in_progress"; polls: number } | { state: "complete" };

/** What the plugin needs beyond the public interface. */
export interface WorldInternals {
  facts: WorldFacts;
  clock: () => number;
  sessions: SessionRegistry;
  stats: StatsRecorder;
  credentialReports: Map<string, CredentialReportState>;
  builtInFaultRules: FaultRule[];
  baseUserName: string;
  nextRequestId(): string;
  summary(accountId: string): SandboxAccountSummary | undefined;
}

const internalsByWorld = new WeakMap<SandboxWorld, WorldInternals>();

export function worldInternals(world: SandboxWorld): WorldInternals {
  const internals = internalsByWorld.get(world);
  if (!internals) throw new Error("sandbox: not a world created by createSandboxWorld()");
  return internals;
}

export const DEFAULT_SEED = 20_240_611;
export const DEFAULT_EXTERNAL_ID = "iamfit-sandbox-external-id";
const DEFAULT_CACHE_SIZE = 100;

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function organizationIdFor(seed: number): string {
  const rng = createRng(seed, "organization");
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return `o-${Array.from({ length: 10 }, () => alphabet[rng.int(0, alphabet.length - 1)]).join("")}`;
}

export function createSandboxWorld(options: CreateSandboxWorldOptions = {}): SandboxWorld {
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const generatedCount = Math.max(0, Math.floor(options.generatedAccounts ?? 0));
  const clock = options.clock ?? Date.now;
  const facts: WorldFacts = {
    seed,
    today: startOfUtcDay(options.now ?? new Date(clock())),
    baseAccountId: CURATED_ACCOUNT_IDS.securityTooling,
    managementAccountId: CURATED_ACCOUNT_IDS.orgManagement,
    organizationId: organizationIdFor(seed),
    externalId: options.externalId ?? DEFAULT_EXTERNAL_ID,
  };

  const curatedById = new Map<string, CuratedAccountDefinition>(CURATED_ACCOUNTS.map((definition) => [definition.identity.accountId, definition]));
  const generatedIndexById = new Map<string, number>();
  for (let index = 0; index < generatedCount; index++) generatedIndexById.set(generatedAccountId(seed, index), index);

  const cache = new LruCache<string, SandboxAccount>(options.cacheSize ?? DEFAULT_CACHE_SIZE);
  const mutationsByAccount = new Map<string, SandboxMutation[]>();
  const mutationLog: SandboxMutation[] = [];
  const stats = new StatsRecorder(clock);
  let requestCounter = 0;

  const roleArnFor = (accountId: string) => arns.role(accountId, "/", AUDIT_ROLE_NAME);
  const curatedSummaries: SandboxAccountSummary[] = CURATED_ACCOUNTS.map(({ identity }) => ({
    accountId: identity.accountId,
    name: identity.name,
    email: accountEmail(identity.name),
    roleArn: roleArnFor(identity.accountId),
    tags: accountTags(identity),
    posture: identity.posture,
    kind: "curated",
  }));

  function generatedSummary(index: number): SandboxAccountSummary {
    const traits = generatedTraits(seed, index);
    return {
      accountId: traits.accountId,
      name: traits.name,
      email: accountEmail(traits.name),
      roleArn: roleArnFor(traits.accountId),
      tags: { env: traits.env, team: traits.team, generated: "true" },
      posture: describeGeneratedPosture(traits),
      kind: "generated",
    };
  }

  let generatedSummaries: SandboxAccountSummary[] | undefined;

  function mutationContext(accountId: string, ordinal: number) {
    return { ...buildContext(facts, accountId), rng: createRng(seed, accountId, "mutation", ordinal) };
  }

  function build(accountId: string): SandboxAccount | undefined {
    const curated = curatedById.get(accountId);
    const generatedIndex = generatedIndexById.get(accountId);
    if (!curated && generatedIndex === undefined) return undefined;
    const ctx = buildContext(facts, accountId);
    const account = curated ? curated.build(ctx) : buildGeneratedAccount(ctx, generatedTraits(seed, generatedIndex ?? 0));
    for (const [ordinal, mutation] of (mutationsByAccount.get(accountId) ?? []).entries()) {
      applyMutationTo(account, mutation, mutationContext(accountId, ordinal));
    }
    stats.accountBuilds++;
    return account;
  }

  const world: SandboxWorld = {
    seed,
    baseAccountId: facts.baseAccountId,
    externalId: facts.externalId,
    organizationId: facts.organizationId,
    managementAccountId: facts.managementAccountId,
    today: facts.today,
    accounts() {
      // Summaries are small (no account details); computed once, copied out so callers cannot change them.
      generatedSummaries ??= Array.from({ length: generatedCount }, (_, index) => generatedSummary(index));
      return [...curatedSummaries, ...generatedSummaries].map((summary) => ({ ...summary, tags: { ...summary.tags } }));
    },
    account(accountId) {
      const cached = cache.get(accountId);
      if (cached) return cached;
      const built = build(accountId);
      if (built) cache.set(accountId, built);
      return built;
    },
    applyMutation(input) {
      const mutation = parseMutation(input);
      const account = world.account(mutation.accountId);
      if (!account) throw new SandboxMutationError(`the sandbox has no account ${mutation.accountId}`);
      const recorded = mutationsByAccount.get(mutation.accountId) ?? [];
      applyMutationTo(account, mutation, mutationContext(mutation.accountId, recorded.length));
      mutationsByAccount.set(mutation.accountId, [...recorded, mutation]);
      mutationLog.push(mutation);
    },
    mutations: () => mutationLog.map((mutation) => structuredClone(mutation)),
    stats: () => stats.snapshot(cache.size),
    resetStats: () => stats.reset(),
  };

  internalsByWorld.set(world, {
    facts,
    clock,
    sessions: new SessionRegistry(seed, clock),
    stats,
    credentialReports: new Map(),
    builtInFaultRules: CURATED_ACCOUNTS.flatMap((definition) => definition.builtInFaults ?? []),
    baseUserName: BASE_USER_NAME,
    nextRequestId: () => requestIdFor(seed, ++requestCounter),
    summary(accountId) {
      const curated = curatedSummaries.find((summary) => summary.accountId === accountId);
      if (curated) return curated;
      const index = generatedIndexById.get(accountId);
      if (index === undefined) return undefined;
      return generatedSummaries?.[index] ?? generatedSummary(index);
    },
  });
  return world;
}
