// A display-only hint of who is signed in, so the site header can show the right links on pages that
// are rendered once at build time and served to everyone. It grants nothing: every page, action and
// route handler still checks the real session on the server. Set at sign-in, cleared at sign-out.
export const SESSION_HINT_COOKIE = "mfo-session-hint";

/** Fired in the browser when a response has just refreshed the hint (GET /api/account does). */
export const SESSION_HINT_CHANGED_EVENT = "mfo:session-hint";

export interface SessionHint {
  email: string;
  admin: boolean;
}

export function encodeSessionHint(hint: SessionHint): string {
  return JSON.stringify({ e: hint.email, a: hint.admin ? 1 : 0 });
}

export function decodeSessionHint(value: string | undefined | null): SessionHint | null {
  if (!value) return null;
  try {
    const raw = JSON.parse(value) as { e?: unknown; a?: unknown };
    return typeof raw.e === "string" ? { email: raw.e.slice(0, 320), admin: raw.a === 1 } : null;
  } catch {
    return null;
  }
}
