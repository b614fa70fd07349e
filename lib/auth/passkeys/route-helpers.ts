import "server-only";
import { checkAccount } from "@/lib/auth/guards";
import type { CurrentUser } from "@/lib/auth/sessions";
import { siteRelyingParty } from "./service";
import { isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db/unavailable";
import { RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/service-unavailable";

// What the passkey route handlers (app/api/passkeys) share: JSON in and out, posted from the site's own
// origin only, and for the signed-in ones the guard. The WebAuthn ceremonies check the origin again.

const BODY_MAX = 64 * 1024;
const NO_STORE = { "Cache-Control": "private, no-store" };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function formError(message: string, status = 400): Response {
  return json({ errors: { form: message } }, status);
}

/**
 * Runs a passkey route; the database out of reach is a 503 with Retry-After and the site's message (one
 * log line, no stack), as the other endpoints answer (lib/db/unavailable.ts), never a 500.
 */
export async function passkeyRoute(what: string, handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logDatabaseUnavailable(what, error);
    return Response.json({ errors: { form: SERVICE_UNAVAILABLE_MESSAGE } }, { status: 503, headers: { ...NO_STORE, "Retry-After": String(RETRY_AFTER_SECONDS) } });
  }
}

/**
 * The request's JSON body, or a refusal: passkeys not available here (404), another origin (403; a
 * plain-text cross-site post needs no preflight, so the Origin header is checked), not JSON or too big (400).
 */
export async function readJson(request: Request): Promise<{ body: Record<string, unknown> } | { refused: Response }> {
  const rp = siteRelyingParty();
  if (!rp) return { refused: formError("Passkeys are not available on this site.", 404) };
  if (request.headers.get("origin") !== rp.origin) return { refused: formError("Cross-origin request refused.", 403) };
  const text = await request.text();
  if (text.length > BODY_MAX) return { refused: formError("Request body too large.", 413) };
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === "object" && !Array.isArray(body)) return { body: body as Record<string, unknown> };
  } catch {
    /* refused below */
  }
  return { refused: formError("Expected a JSON object.") };
}

/** The signed-in user, or the 401/403 answer (the page then reloads into the guard's redirect). */
export async function signedIn(): Promise<{ user: CurrentUser } | { refused: Response }> {
  const access = await checkAccount();
  if ("user" in access) return { user: access.user };
  return { refused: formError("Please sign in again.", access.refusal === "unconfirmed" ? 403 : 401) };
}
