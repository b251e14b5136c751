/** Call counters the tests and the collection benchmark read (`world.stats()`). */

export interface SandboxStats {
  /** Every call the sandbox answered, successful or not. */
  total: number;
  /** "iam:GetAccountAuthorizationDetails" → calls. */
  byApi: Record<string, number>;
  /** Account the call was attributed to ("unknown" when the credentials were not recognised). */
  byAccount: Record<string, number>;
  /** "ok" or the AWS error code returned ("Throttling", "AccessDenied", …). */
  byOutcome: Record<string, number>;
  /** Calls per wall-clock second (epoch seconds), oldest first; the last hour is kept. */
  perSecond: Array<{ second: number; count: number }>;
  /** Accounts currently held in the LRU cache. */
  materializedAccounts: number;
  /** How many times an account's details were built (first access and rebuilds after eviction). */
  accountBuilds: number;
}

const KEPT_SECONDS = 3600;

function increment(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

export class StatsRecorder {
  private total = 0;
  private byApi: Record<string, number> = {};
  private byAccount: Record<string, number> = {};
  private byOutcome: Record<string, number> = {};
  private perSecond = new Map<number, number>();
  accountBuilds = 0;

  constructor(private readonly clock: () => number) {}

  record(api: string, accountId: string, outcome: string): void {
    this.total++;
    increment(this.byApi, api);
    increment(this.byAccount, accountId);
    increment(this.byOutcome, outcome);
    const second = Math.floor(this.clock() / 1000);
    this.perSecond.set(second, (this.perSecond.get(second) ?? 0) + 1);
    if (this.perSecond.size > KEPT_SECONDS) {
      const oldest = this.perSecond.keys().next().value;
      if (oldest !== undefined) this.perSecond.delete(oldest);
    }
  }

  snapshot(materializedAccounts: number): SandboxStats {
    return {
      total: this.total,
      byApi: { ...this.byApi },
      byAccount: { ...this.byAccount },
      byOutcome: { ...this.byOutcome },
      perSecond: [...this.perSecond.entries()].map(([second, count]) => ({ second, count })),
      materializedAccounts,
      accountBuilds: this.accountBuilds,
    };
  }

  reset(): void {
    this.total = 0;
    this.byApi = {};
    this.byAccount = {};
    this.byOutcome = {};
    this.perSecond.clear();
    this.accountBuilds = 0;
  }
}
