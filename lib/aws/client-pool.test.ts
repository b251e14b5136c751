import { GetAccountSummaryCommand } from "@aws-sdk/client-iam";
import type { Pluggable } from "@smithy/types";
import { describe, expect, it } from "vitest";
import { createAccountClients, type AccountTarget } from "./client-factory";
import { clientPool, UnleasedClientError } from "./client-pool";
import { stubPlugin } from "./testing/stub-plugin";
import { assumeRoleOutput, BASE_CREDENTIALS, fastRetries } from "./testing/test-clients";

function target(accountId: string): AccountTarget {
  return { accountId, roleArn: `arn:aws:iam::${accountId}:role/iamfit-audit`, externalId: "iamfit-test-external-id" };
}

/** The access key each request was signed with, as the account's own plugin sees it. */
function signingKeys(): { plugin: Pluggable<any, any>; keys: string[] } {
  const keys: string[] = [];
  return {
    keys,
    plugin: {
      applyToStack(stack) {
        stack.add(
          (next) => async (args) => {
            const authorization = (args.request as { headers: Record<string, string> }).headers.authorization ?? "";
            keys.push(/Credential=([^/]+)\//.exec(authorization)?.[1] ?? "");
            return next(args);
          },
          { step: "finalizeRequest", priority: "low", name: "testSigningKeys", override: true },
        );
      },
    },
  };
}

/** An account whose AssumeRole hands out `accessKeyId`, and whose IAM answers after `answered` settles. */
function account(accountId: string, accessKeyId: string, answered: Promise<void> = Promise.resolve()) {
  const session = assumeRoleOutput();
  const stub = stubPlugin({
    AssumeRole: { ...session, Credentials: { ...session.Credentials, AccessKeyId: accessKeyId } },
    GetAccountSummary: async () => (await answered, { SummaryMap: { Users: 1 } }),
  });
  const signed = signingKeys();
  const clients = createAccountClients(
    { credentials: async () => BASE_CREDENTIALS, retryMode: "adaptive", plugins: [stub.plugin, signed.plugin] },
    target(accountId),
  );
  return { clients, calls: stub.calls, keys: signed.keys };
}

describe("the client pool", () => {
  it("leases the client one account released to the next account instead of building another", async () => {
    const first = account("111111111111", "ASIAFIRSTACCOUNT0001");
    await first.clients.iam().send(new GetAccountSummaryCommand({}));
    first.clients.destroy();
    const built = clientPool.clientsBuilt;

    const second = account("222222222222", "ASIASECONDACCOUNT002");
    await second.clients.iam().send(new GetAccountSummaryCommand({}));
    second.clients.destroy();
    expect(clientPool.clientsBuilt).toBe(built);
  });

  it("signs each account's requests with that account's session and shows them to that account's plugins only", async () => {
    const first = account("111111111111", "ASIAFIRSTACCOUNT0001");
    await first.clients.iam().send(new GetAccountSummaryCommand({}));
    first.clients.destroy();
    const second = account("222222222222", "ASIASECONDACCOUNT002");
    await second.clients.iam().send(new GetAccountSummaryCommand({}));
    await second.clients.iam().send(new GetAccountSummaryCommand({}));
    second.clients.destroy();

    // The base credentials sign AssumeRole; the session signs the account's own requests.
    expect(first.keys).toEqual([BASE_CREDENTIALS.accessKeyId, "ASIAFIRSTACCOUNT0001"]);
    expect(second.keys).toEqual([BASE_CREDENTIALS.accessKeyId, "ASIASECONDACCOUNT002", "ASIASECONDACCOUNT002"]);
    expect(first.calls.map((call) => call.operation)).toEqual(["AssumeRole", "GetAccountSummary"]);
  });

  it("gives every account a retry strategy of its own, so one account's throttling never slows another", async () => {
    const first = account("111111111111", "ASIAFIRSTACCOUNT0001");
    const firstIam = first.clients.iam();
    const firstStrategy = await firstIam.config.retryStrategy();
    first.clients.destroy();
    const second = account("222222222222", "ASIASECONDACCOUNT002");
    const secondIam = second.clients.iam();
    expect(Object.getPrototypeOf(secondIam)).toBe(Object.getPrototypeOf(firstIam));
    expect(await secondIam.config.retryStrategy()).not.toBe(firstStrategy);
    second.clients.destroy();
  });

  it("keeps a retry strategy the caller passes", async () => {
    const retryStrategy = fastRetries(2);
    const stub = stubPlugin({ GetAccountSummary: { SummaryMap: {} } });
    const clients = createAccountClients({ credentials: async () => BASE_CREDENTIALS, retryStrategy, plugins: [stub.plugin] }, target("333333333333"));
    expect(await clients.iam().config.retryStrategy()).toBe(retryStrategy);
    clients.destroy();
  });

  it("refuses requests through a client its account released", async () => {
    const released = account("111111111111", "ASIAFIRSTACCOUNT0001");
    const iam = released.clients.iam();
    released.clients.destroy();
    await expect(iam.send(new GetAccountSummaryCommand({}))).rejects.toThrow(UnleasedClientError);
    expect(released.calls).toEqual([]);
  });

  it("returns a client to the pool only once the requests its account had in flight are over", async () => {
    let answer!: () => void;
    const slow = account("111111111111", "ASIAFIRSTACCOUNT0001", new Promise<void>((resolve) => (answer = resolve)));
    await slow.clients.openSession();
    const inFlight = slow.clients.iam().send(new GetAccountSummaryCommand({}));
    slow.clients.destroy();

    const built = clientPool.clientsBuilt;
    const meanwhile = account("222222222222", "ASIASECONDACCOUNT002");
    await meanwhile.clients.iam().send(new GetAccountSummaryCommand({}));
    expect(clientPool.clientsBuilt).toBe(built + 1);

    answer();
    await expect(inFlight).resolves.toMatchObject({ SummaryMap: { Users: 1 } });
    expect(slow.keys).toEqual([BASE_CREDENTIALS.accessKeyId, "ASIAFIRSTACCOUNT0001"]);
    meanwhile.clients.destroy();
    const after = account("333333333333", "ASIATHIRDACCOUNT0003");
    await after.clients.iam().send(new GetAccountSummaryCommand({}));
    after.clients.destroy();
    expect(clientPool.clientsBuilt).toBe(built + 1);
  });

  it("drops the SDK's logger middleware, which only filters every request and response for a no-op logger", () => {
    const { clients } = account("111111111111", "ASIAFIRSTACCOUNT0001");
    const stack = clients.iam().middlewareStack.identify();
    expect(stack.some((entry) => entry.startsWith("loggerMiddleware"))).toBe(false);
    expect(stack.some((entry) => entry.startsWith("retryMiddleware"))).toBe(true);
    clients.destroy();
  });
});
