// The one sanitiser for every return address (callbackUrl, redirectTo). Edge-safe and pure.

export const DEFAULT_AFTER_SIGN_IN = "/account";
const BASE = "http://mfo.invalid";

/**
 * Returns `raw` as a same-origin path ("/account?tab=1#x") or `fallback`. Absolute URLs,
 * protocol-relative ("//evil"), backslash tricks ("/\\evil"), control characters and their
 * percent-encoded forms all fall back.
 */
export function safeRedirectPath(raw: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  let decoded = raw;
  // Decode repeatedly so "%252F%252Fevil" cannot turn into "//evil" after a later decode.
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      return fallback;
    }
  }
  for (const candidate of [raw, decoded]) {
    if (!candidate.startsWith("/")) return fallback;
    if (candidate.startsWith("//") || candidate.includes("\\")) return fallback;
    if (/[\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  }
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
