/**
 * The digest page's URL state: which subscription is open, how its preview is shown, and the
 * result of the last action (set by the actions' redirects). Anything else falls back to defaults.
 */
import { z } from "zod";

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const DIGEST_NOTICES = ["created", "saved", "paused", "resumed", "deleted", "resubscribed", "test-queued", "not-found", "no-worker"] as const;
export type DigestNotice = (typeof DIGEST_NOTICES)[number];

export interface DigestPageParams {
  subscription?: string;
  view: "html" | "text";
  /** Show the form for a new subscription. */
  creating: boolean;
  notice?: DigestNotice;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const schema = z.object({
  subscription: z.uuid().optional().catch(undefined),
  view: z.enum(["html", "text"]).catch("html"),
  new: z.literal("1").optional().catch(undefined),
  notice: z.enum(DIGEST_NOTICES).optional().catch(undefined),
});

export function parseDigestPageParams(params: RawSearchParams): DigestPageParams {
  const parsed = schema.parse({ subscription: first(params.subscription), view: first(params.view) ?? "html", new: first(params.new), notice: first(params.notice) });
  return {
    ...(parsed.subscription ? { subscription: parsed.subscription } : {}),
    view: parsed.view,
    creating: parsed.new === "1" || !parsed.subscription,
    ...(parsed.notice ? { notice: parsed.notice } : {}),
  };
}

export function digestPageHref(state: { subscription?: string; view?: "html" | "text"; notice?: DigestNotice; creating?: boolean } = {}): string {
  const query = new URLSearchParams();
  if (state.subscription) query.set("subscription", state.subscription);
  if (state.view === "text") query.set("view", "text");
  if (state.creating && state.subscription) query.set("new", "1");
  if (state.notice) query.set("notice", state.notice);
  const search = query.toString();
  return search ? `/digests?${search}` : "/digests";
}
