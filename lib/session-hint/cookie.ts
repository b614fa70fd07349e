import "server-only";
import { cookies } from "next/headers";
import { SESSION_HINT_COOKIE, encodeSessionHint, type SessionHint } from "@/lib/session-hint";
import { sessionHintCookieOptions } from "./cookie-options";

export async function setSessionHint(hint: SessionHint): Promise<void> {
  (await cookies()).set(SESSION_HINT_COOKIE, encodeSessionHint(hint), sessionHintCookieOptions());
}

export async function clearSessionHint(): Promise<void> {
  (await cookies()).delete(SESSION_HINT_COOKIE);
}
