import { SESSION_HINT_COOKIE } from "./index";

// The header's session controls are in every page's HTML in both variants (signed out: "Sign in" and
// "Sign up", which work without JavaScript; signed in: the e-mail and "Sign out"), and CSS shows one by
// <html data-session>. This script, inline in <head>, sets that attribute from the display-only hint
// cookie (lib/session-hint/index.ts) before the first paint, so a signed-in visitor never sees the signed-out
// variant and nothing moves when React hydrates (components/session-nav.tsx keeps it up to date after).
// See docs/decisions/header-session-state.md.
//
// A function scope keeps its variables off window. Its text is fixed, so the Content-Security-Policy allows it by hash: scripts/csp-hashes.ts finds it in
// the prerendered HTML like any inline script, and the nonce policy of pages rendered per request lists
// SESSION_HINT_SCRIPT_HASH (lib/security/headers.ts). Edge-safe: middleware.ts imports the hash, so it is
// a literal here, checked against the text by tests/unit/session-hint-script.test.ts.

/** The attribute on <html>: absent when signed out, "in" when signed in, "admin" for admins. */
export const SESSION_ATTRIBUTE = "data-session";

export const SESSION_HINT_SCRIPT =
  `(function(){try{var m=document.cookie.match(/(?:^|; )${SESSION_HINT_COOKIE}=([^;]*)/),` +
  `h=m&&JSON.parse(decodeURIComponent(m[1]));` +
  `if(h&&typeof h.e==="string")document.documentElement.setAttribute("${SESSION_ATTRIBUTE}",h.a===1?"admin":"in")}catch(e){}})()`;

/** sha256 of SESSION_HINT_SCRIPT, as CSP's script-src lists it. */
export const SESSION_HINT_SCRIPT_HASH = "sha256-Vj8M3LbMOQa9gLQ6vQPAaIvkcXxPU/GLDfbKBQyjcHA=";
