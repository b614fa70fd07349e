import { env } from "@/lib/env";

/**
 * How the hint cookie is written: by Next's cookies().set (lib/session-hint/cookie.ts) and by the
 * custom server's answer to GET /api/account (app/(account)/account/front-answer.ts), alike.
 */
export function sessionHintCookieOptions() {
  return {
    path: "/",
    maxAge: Math.ceil(env().SESSION_MAX_DAYS * 24 * 60 * 60), // the session cookie's own (auth.config.ts)
    sameSite: "lax" as const,
    secure: process.env.NODE_ENV === "production" && (process.env.AUTH_URL ?? "").startsWith("https:"),
  };
}
