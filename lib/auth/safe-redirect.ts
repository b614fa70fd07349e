// The one sanitiser for every return address (`returnTo` in the code; the sign-in page's `?callbackUrl=`
// and the 503 page's `?from=` in URLs).
// Edge-safe and pure.

export const DEFAULT_AFTER_SIGN_IN = "/account";
const BASE = "http://mfo.invalid";

/** Decodes up to three times, so "%252F%252F" is seen as "//"; null when the text does not decode. */
function decodedForms(text: string): string[] | null {
  const forms = [text];
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(forms[forms.length - 1]);
    } catch {
      return null;
    }
    if (next === forms[forms.length - 1]) break;
    forms.push(next);
  }
  return forms;
}

/**
 * A path a browser (or a proxy that decodes) can only read as this site's: starts with one "/", never
 * "//" or "/\", no backslash anywhere, no control characters, in every decoded form.
 */
function isPlainLocalPath(text: string): boolean {
  const forms = decodedForms(text);
  if (!forms) return false;
  return forms.every((form) => form.startsWith("/") && !form.startsWith("//") && !/[\\\u0000-\u001f\u007f]/.test(form));
}

/**
 * Returns `raw` as a same-origin path ("/account?tab=1#x") or `fallback`. The value RETURNED is what is
 * checked, after URL normalisation (dot segments: "/.//evil" normalises to "//evil"), and it must be a
 * fixed point of that normalisation, so no later parse can turn it into another origin.
 */
export function safeRedirectPath(raw: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  // The URL parser silently drops tabs and newlines and turns "\" into "/": refuse them up front.
  if (!isPlainLocalPath(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const out = `${url.pathname}${url.search}${url.hash}`;
  if (!isPlainLocalPath(out)) return fallback;
  try {
    const again = new URL(out, BASE);
    if (again.origin !== BASE || `${again.pathname}${again.search}${again.hash}` !== out) return fallback;
  } catch {
    return fallback;
  }
  return out;
}
