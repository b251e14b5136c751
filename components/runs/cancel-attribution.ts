import { formatUtc } from "@/components/ui/relative-time";

/** Who asked to cancel, as a person reads it: the CLI records itself as "cli". */
function requester(requestedBy: string | null): string | null {
  if (!requestedBy) return null;
  return requestedBy === "cli" ? "the command line" : requestedBy;
}

/** "Cancelled by ada@example.com at 2026-12-07 13:02 UTC" (without "by …" when nobody was recorded). */
export function cancelledBy(requestedAt: Date, requestedBy: string | null, verb = "Cancelled"): string {
  const who = requester(requestedBy);
  return `${verb}${who ? ` by ${who}` : ""} at ${formatUtc(requestedAt)}`;
}
