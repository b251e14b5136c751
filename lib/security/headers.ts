/**
 * The response headers every iamfit response carries (set by proxy.ts): a Content-Security-Policy
 * with a per-request nonce, and the usual hardening headers. Pure, so the policy is tested as text.
 */

/** 16 random bytes, base64: unguessable per response, as CSP nonces must be. */
export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this response's nonce ('strict-dynamic' lets Next's nonced loader load
 * its chunks); styles allow inline attributes (charts and progress bars set widths inline;
 * style injection cannot run script). Forms post only here: single sign-on leaves by a redirect
 * from our own endpoint, never by a form posted to the provider.
 */
export function contentSecurityPolicy({ nonce, development = false }: { nonce: string; development?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only over https: a browser remembers it, and an http-only installation would lock itself out.
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
