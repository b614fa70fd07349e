// @ts-check
// The Content-Security-Policy directives every policy shares, and the baseline header next.config.mjs
// sends. Plain JavaScript because Node loads next.config.mjs itself (no TypeScript step) and it imports
// this; lib/security/headers.ts builds the nonce and hash policies on the same directives.

/** @type {readonly string[]} */
export const BASE_DIRECTIVES = [
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
 * The fallback for prerendered pages, sent only by a build whose postbuild step did not run (a bare
 * `next build`): their inline bootstrap scripts cannot carry a per-request nonce, so inline scripts are
 * allowed. `npm run build` replaces it with hashCsp() of those very scripts (lib/security/headers.ts).
 */
export const STATIC_PAGE_CSP = ["script-src 'self' 'unsafe-inline'", ...BASE_DIRECTIVES].join("; ");
