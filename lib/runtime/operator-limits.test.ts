import { describe, expect, it } from "vitest";
import { DEFAULT_REQUEST_RATES } from "@/lib/aws/limits";
import { EnvError, parseEnv } from "@/lib/env";
import { operatorLimits, paceRows } from "./operator-limits";

describe("operator limits from the environment", () => {
  it("defaults to the documented rates, a 30-minute budget and a 2-minute heartbeat window", () => {
    const limits = operatorLimits(parseEnv({}));
    expect(limits).toMatchObject({ requestRates: DEFAULT_REQUEST_RATES, timeBudgetMs: 30 * 60_000, staleAfterMs: 120_000 });
  });

  it("reads overrides", () => {
    const limits = operatorLimits(
      parseEnv({ IAMFIT_REQUEST_RATES: "iam=2,ec2=0", IAMFIT_ACCOUNT_TIME_BUDGET_MINUTES: "5", IAMFIT_STALE_HEARTBEAT_SECONDS: "30" }),
    );
    expect(limits).toMatchObject({ requestRates: { ...DEFAULT_REQUEST_RATES, iam: 2, ec2: 0 }, timeBudgetMs: 5 * 60_000, staleAfterMs: 30_000 });
    expect(paceRows(limits).find((row) => row.family === "ec2")?.requestsPerSecond).toBe(0);
  });

  it.each([
    [{ IAMFIT_REQUEST_RATES: "iam=fast" }, 'IAMFIT_REQUEST_RATES="iam=fast": "iam=fast" is not family=requests-per-second'],
    [{ IAMFIT_ACCOUNT_TIME_BUDGET_MINUTES: "0" }, 'IAMFIT_ACCOUNT_TIME_BUDGET_MINUTES="0"'],
    [{ IAMFIT_STALE_HEARTBEAT_SECONDS: "5" }, 'IAMFIT_STALE_HEARTBEAT_SECONDS="5"'],
  ])("stops on %j, naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(message);
  });
});
