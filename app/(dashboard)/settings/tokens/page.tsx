import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokenTable } from "@/components/tokens/token-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guards";
import { roleAllows } from "@/lib/auth/roles";
import { listApiTokens } from "@/lib/db/api-tokens";
import { requestPublicBaseUrl } from "@/lib/http/request-public-url";
import { createApiTokenAction, revokeApiTokenAction } from "./_actions/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const user = await requirePage("manageOwnTokens");
  const seesEveryone = roleAllows(user.role, "manageUsers");
  const tokens = await listApiTokens(seesEveryone ? null : user.id);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let scripts and pipelines read the JSON API (<a href="/openapi.json">OpenAPI description</a>) as{" "}
            <code className="font-mono">Authorization: Bearer iamfit_…</code>. A read-only token acts as a viewer; a read-write one acts as
            its owner does at the time of the request. Every use is in the audit log.
          </>
        }
      />
      <section aria-labelledby="new-token-heading" className="card mb-6 p-5">
        <h2 id="new-token-heading" className="mb-3 text-base font-semibold">
          New token
        </h2>
        <CreateTokenForm action={createApiTokenAction} ownRole={user.role} apiBase={await requestPublicBaseUrl()} />
      </section>
      <section aria-labelledby="tokens-heading" className="card overflow-hidden">
        <h2 id="tokens-heading" className="border-b border-zinc-200 p-4 text-base font-semibold dark:border-zinc-800">
          {seesEveryone ? "Everyone's tokens" : "Your tokens"}
        </h2>
        {tokens.length > 0 ? (
          <TokenTable tokens={tokens} showOwner={seesEveryone} revokeAction={revokeApiTokenAction} />
        ) : (
          <EmptyState title="No tokens yet">Create one above for each script or pipeline, so each can be revoked alone.</EmptyState>
        )}
      </section>
    </>
  );
}
