/**
 * Absolute addresses for everything a digest links to. Emails are read outside iamfit, so every
 * link carries the installation's public address (lib/http/public-url.ts: IAMFIT_PUBLIC_URL, else
 * the background jobs' default http://localhost:PORT).
 */
import type { ExerciseNumber } from "@/lib/checks/types";
import { publicBaseUrl, type PublicUrlSettings } from "@/lib/http/public-url";
import { accountHref, changesHref, resourceHref } from "@/lib/scorecard/links";

/** The base of a digest's links: sent by a background job, so there is no request to take a host from. */
export function resolveBaseUrl(config: PublicUrlSettings): string {
  return publicBaseUrl(config);
}

export class DigestLinks {
  constructor(readonly baseUrl: string) {}

  private absolute(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  scorecard(): string {
    return this.absolute("/");
  }
  account(awsAccountId: string): string {
    return this.absolute(accountHref(awsAccountId));
  }
  resource(awsAccountId: string, resourceId: string): string {
    return this.absolute(resourceHref(awsAccountId, resourceId));
  }
  exerciseOfAccount(awsAccountId: string, exercise: ExerciseNumber): string {
    return this.absolute(`${accountHref(awsAccountId)}/exercises/${exercise}`);
  }
  changes(kind: "worse" | "fixed"): string {
    return this.absolute(changesHref(kind === "worse" ? {} : { kind }));
  }
  checklistItem(awsAccountId: string, itemId: string): string {
    // The account checklist page shows every state with ?state=all; items have id="item-<id>".
    return this.absolute(`${accountHref(awsAccountId)}/checklist?state=all#item-${encodeURIComponent(itemId)}`);
  }
  checklists(): string {
    return this.absolute("/checklists");
  }
  digestSettings(subscriptionId: string): string {
    return this.absolute(`/digests?${new URLSearchParams({ subscription: subscriptionId }).toString()}`);
  }
  /** The confirmation page a person opens from the email body (GET never unsubscribes). */
  unsubscribePage(subscriptionId: string, token: string): string {
    return this.absolute(`/digests/unsubscribe?${new URLSearchParams({ s: subscriptionId, t: token }).toString()}`);
  }
  /** The RFC 8058 one-click endpoint mail clients POST to (List-Unsubscribe header). */
  oneClickUnsubscribe(subscriptionId: string, token: string): string {
    return this.absolute(`/api/digest/unsubscribe?${new URLSearchParams({ s: subscriptionId, t: token }).toString()}`);
  }
}
