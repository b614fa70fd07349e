import "server-only";
import { cookies } from "next/headers";
import { SESSION_HINT_COOKIE, encodeSessionHint, type SessionHint } from "./session-hint";

const THIRTY_DAYS = 30 * 24 * 60 * 60; // the session's own maxAge (auth.config.ts)

export async function setSessionHint(hint: SessionHint): Promise<void> {
  (await cookies()).set(SESSION_HINT_COOKIE, encodeSessionHint(hint), {
    path: "/",
    maxAge: THIRTY_DAYS,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && (process.env.AUTH_URL ?? "").startsWith("https:"),
  });
}

export async function clearSessionHint(): Promise<void> {
  (await cookies()).delete(SESSION_HINT_COOKIE);
}
