// Content-Security-Policy in one place. Pure and edge-safe: next.config.ts sends the baseline with
// every response, middleware.ts sends the nonce-based policy on pages rendered per request.

const BASE = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // No "data:" (nothing here uses it), and no colon at all: Next.js compiles a header value that contains
  // one as a path template, on every request.
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * Prerendered public pages: built once for everyone, their inline bootstrap scripts cannot carry a
 * per-request nonce, so inline scripts from our own pages are allowed there (nothing on them echoes input).
 */
export const STATIC_PAGE_CSP = ["script-src 'self' 'unsafe-inline'", ...BASE].join("; ");

/**
 * Pages rendered per request (sign-in, sign-up, account, admin): only scripts carrying this response's
 * nonce, and what they load ('strict-dynamic'), run. Next.js puts the nonce on its own scripts.
 */
export function nonceCsp(nonce: string, dev: boolean): string {
  return [`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`, ...BASE].join("; ");
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
