// @ts-check
// Auth.js names its session cookie "authjs.session-token", with a "__Secure-" prefix over HTTPS and
// ".0", ".1"… suffixes when it is chunked. Plain JavaScript because the public page cache in front of
// Next (scripts/serve/public-page-cache.mjs, run by node itself) needs it too; session-cookie.ts re-exports it.
export const SESSION_COOKIE_NAME = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/** Whether a Cookie request header carries a session cookie (its value is not looked at). */
export function cookieHeaderHasSession(/** @type {string | undefined} */ header) {
  if (!header) return false;
  return header.split(";").some((pair) => SESSION_COOKIE_NAME.test(pair.split("=", 1)[0].trim()));
}
