// The 503 page's address and wording, shared by middleware.ts (edge: sets the status), the page and
// the server code that sends visitors there. Edge-safe and pure.
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

export const SERVICE_UNAVAILABLE_PATH = "/service-unavailable";

/**
 * The path and query of the request, set by middleware.ts on the pages it sees: a layout cannot know
 * which page it wraps, and "Try again" should lead back to that page. Only ever used through
 * safeRedirectPath, so a forged value can at most send the sender to another page of this site.
 */
export const REQUEST_PATH_HEADER = "x-mfo-request-path";

/** Sent as Retry-After, and what the page and the form message promise. */
export const RETRY_AFTER_SECONDS = 60;

export const SERVICE_UNAVAILABLE_MESSAGE = "The service is temporarily unavailable. Try again in a minute.";

/** The 503 page, whose "Try again" link leads back to `returnTo` (a same-site path, or home), in its `?from=`. */
export function serviceUnavailablePath(returnTo: string): string {
  return `${SERVICE_UNAVAILABLE_PATH}?${new URLSearchParams({ from: safeRedirectPath(returnTo, "/") })}`;
}
