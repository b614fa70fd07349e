import "server-only";
import { cookies } from "next/headers";
import { SESSION_HINT_COOKIE, encodeSessionHint, type SessionHint } from "@/lib/session-hint";
import { env } from "@/lib/env";

export async function setSessionHint(hint: SessionHint): Promise<void> {
  (await cookies()).set(SESSION_HINT_COOKIE, encodeSessionHint(hint), {
    path: "/",
    maxAge: Math.ceil(env().SESSION_MAX_DAYS * 24 * 60 * 60), // the session cookie's own (auth.config.ts)
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && (process.env.AUTH_URL ?? "").startsWith("https:"),
  });
}

export async function clearSessionHint(): Promise<void> {
  (await cookies()).delete(SESSION_HINT_COOKIE);
}
