// Content-Security-Policy in one place (the shared directives and the baseline in baseline-csp.mjs,
// for next.config.mjs). Pure and edge-safe: next.config.mjs sends the baseline with
// every response, scripts/csp-hashes.ts (npm's postbuild step) replaces that baseline in the build with
// a hash-based policy for the prerendered pages, and middleware.ts sends the nonce-based policy on pages
// rendered per request.
import { SESSION_HINT_SCRIPT_HASH } from "../session-hint/script";
import { BASE_DIRECTIVES as BASE, STATIC_PAGE_CSP } from "./baseline-csp.mjs";

export { STATIC_PAGE_CSP };

/**
 * Prerendered pages (home, 404, 403, forgot-password…): their HTML is fixed at build time, so the build
 * lists the SHA-256 of every inline script in it ("sha256-<base64>", see lib/security/csp-hashes.ts) and only
 * those inline scripts, and scripts from our own origin, run.
 */
export function hashCsp(hashes: Iterable<string>): string {
  const sources = [...new Set(hashes)].sort().map((h) => {
    if (!/^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(h)) throw new Error(`not a CSP hash source: ${h}`);
    return `'${h}'`;
  });
  if (sources.length === 0) throw new Error("a hash-based policy needs at least one hash");
  return [`script-src 'self' ${sources.join(" ")}`, ...BASE].join("; ");
}

/**
 * Pages rendered per request (sign-in, sign-up, account, admin): only scripts carrying this response's
 * nonce, and what they load ('strict-dynamic'), run. Next.js puts the nonce on its own scripts; the root
 * layout's one inline script (the header's session state, the same text on every page) is allowed by
 * its hash, so the layout need not read the nonce (which would render every page per request).
 */
export function nonceCsp(nonce: string, dev: boolean): string {
  return [`script-src 'self' 'nonce-${nonce}' 'strict-dynamic' '${SESSION_HINT_SCRIPT_HASH}'${dev ? " 'unsafe-eval'" : ""}`, ...BASE].join("; ");
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
