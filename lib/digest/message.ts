/**
 * The digest as an email message: addresses, both bodies and the headers that make it a
 * well-behaved bulk message. One-click unsubscribe follows RFC 8058: `List-Unsubscribe` holds an
 * HTTPS URL that a POST with body `List-Unsubscribe=One-Click` acts on, and `List-Unsubscribe-Post`
 * announces that (Gmail and Yahoo require both from bulk senders).
 */
import type { RenderedDigest } from "./render-digest";

export interface DigestMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per delivery, so a resend after a lost confirmation is recognisably the same email. */
  messageId: string;
  headers: Record<string, string>;
}

export interface ComposeInput {
  rendered: RenderedDigest;
  from: string;
  to: string;
  deliveryId: string;
  oneClickUnsubscribeUrl: string;
  /** Makes test sends recognisable in the subject. */
  test?: boolean;
}

/** The domain part of "Name <user@domain>" or "user@domain"; "localhost" when there is none. */
export function addressDomain(address: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address.trim());
  return match?.[1]?.toLowerCase() ?? "localhost";
}

export function composeDigestMessage(input: ComposeInput): DigestMessage {
  return {
    from: input.from,
    to: input.to,
    subject: input.test ? `[Test] ${input.rendered.subject}` : input.rendered.subject,
    html: input.rendered.html,
    text: input.rendered.text,
    messageId: `<iamfit-digest-${input.deliveryId}@${addressDomain(input.from)}>`,
    headers: {
      "List-Unsubscribe": `<${input.oneClickUnsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `iamfit weekly digest <digest.iamfit.${addressDomain(input.from)}>`,
      // RFC 3834: automatic mail; out-of-office replies should not answer it.
      "Auto-Submitted": "auto-generated",
      "X-Auto-Response-Suppress": "OOF, AutoReply",
    },
  };
}
