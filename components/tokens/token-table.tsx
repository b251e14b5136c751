import { RelativeTime } from "@/components/ui/relative-time";
import type { ApiTokenView } from "@/lib/db/api-tokens";
import { RevokeTokenButton } from "./revoke-token-button";
import type { RevokeTokenAction } from "./token-action-state";

function tokenStatus(token: ApiTokenView, now: Date): { label: string; className: string } {
  if (token.revokedAt) return { label: "Revoked", className: "text-zinc-500" };
  if (token.expiresAt.getTime() <= now.getTime()) return { label: "Expired", className: "text-amber-700 dark:text-amber-400" };
  return { label: "Active", className: "text-emerald-700 dark:text-emerald-400" };
}

/** Tokens, newest first, revoked ones last; `showOwner` for the admin's view of everyone's. */
export function TokenTable({ tokens, showOwner, revokeAction, now = new Date() }: { tokens: ApiTokenView[]; showOwner: boolean; revokeAction: RevokeTokenAction; now?: Date }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">API tokens</caption>
        <thead className="text-left text-xs uppercase muted">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            {showOwner ? <th scope="col" className="px-4 py-2">Owner</th> : null}
            <th scope="col" className="px-4 py-2">Scope</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Created</th>
            <th scope="col" className="px-4 py-2">Expires</th>
            <th scope="col" className="px-4 py-2">Last used</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {tokens.map((token) => {
            const status = tokenStatus(token, now);
            return (
              <tr key={token.id}>
                <td className="px-4 py-2">
                  <div className="font-medium break-all">{token.name}</div>
                  <div className="font-mono text-xs muted">{token.id}</div>
                </td>
                {showOwner ? <td className="px-4 py-2 break-all">{token.ownerEmail}</td> : null}
                <td className="px-4 py-2">{token.scope === "read" ? "Read-only" : "Read-write"}</td>
                <td className={`px-4 py-2 font-medium ${status.className}`}>{status.label}</td>
                <td className="px-4 py-2"><RelativeTime date={token.createdAt} now={now} /></td>
                <td className="px-4 py-2"><RelativeTime date={token.expiresAt} now={now} /></td>
                <td className="px-4 py-2">
                  <RelativeTime date={token.lastUsedAt} now={now} fallback="never" />
                  {token.lastUsedIp ? <div className="font-mono text-xs muted">{token.lastUsedIp}</div> : null}
                </td>
                <td className="px-4 py-2 text-right">
                  {status.label === "Active" ? <RevokeTokenButton action={revokeAction} tokenId={token.id} tokenName={token.name} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
