/**
 * The test OpenID provider as a process of its own, for the journeys
 * (e2e/support/oidc-provider-process.ts starts it with `node --import tsx`): Playwright's worker
 * never loads the provider's ESM-only package. Options come as JSON in argv[2]; it answers
 * "ready" with the issuer, forwards every authorization request, and takes new users.
 */
import { startOidcProvider, type OidcProviderOptions } from "../../lib/testing/oidc-provider";
import type { OidcTestUser } from "../../lib/testing/oidc-test-users";

export type ChildMessage = { type: "ready"; issuer: string } | { type: "authorization"; query: string } | { type: "failed"; message: string };
export type ParentMessage = { type: "setUsers"; users: OidcTestUser[] } | { type: "close" };

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? "{}") as Omit<OidcProviderOptions, "onAuthorizationRequest">;
  const provider = await startOidcProvider({
    ...options,
    onAuthorizationRequest: (query) => send({ type: "authorization", query: query.toString() }),
  });
  process.on("message", (message: ParentMessage) => {
    if (message.type === "setUsers") provider.setUsers(message.users);
    if (message.type === "close") void provider.close().then(() => process.exit(0));
  });
  // The journeys' worker going away (even killed) closes the channel: the provider goes too.
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready", issuer: provider.issuer });
}

main().catch((error: unknown) => {
  send({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
