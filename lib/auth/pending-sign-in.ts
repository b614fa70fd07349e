import "server-only";
import { cookies, headers } from "next/headers";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashToken, looksLikeToken, newRawToken } from "@/lib/tokens/token";
import { usesSecureCookies } from "./session-token";
import { pendingExpiry, PENDING_SIGN_IN_SECONDS } from "./second-factor-rules";

// Between the password and the second factor no session exists: only this row, found by the random
// id in an HttpOnly cookie of the browser that passed the password step (only its SHA-256 is stored),
// naming the user, living 5 minutes, used once.

const COOKIE = "mfo-pending-sign-in";

/** Records that `userId` passed the password step in this browser, and gives the browser the cookie. */
export async function beginPendingSignIn(db: PrismaClient, userId: string, now = new Date()): Promise<void> {
  const raw = newRawToken();
  // One pending sign-in per user at a time; expired leftovers go too.
  await db.pendingSignIn.deleteMany({ where: { userId } });
  await db.pendingSignIn.create({ data: { tokenHash: hashToken(raw), userId, expiresAt: pendingExpiry(now) } });
  const secure = usesSecureCookies(await headers());
  (await cookies()).set(secure ? `__Secure-${COOKIE}` : COOKIE, raw, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: PENDING_SIGN_IN_SECONDS,
  });
}

export interface PendingSignIn {
  id: string;
  user: { id: string; email: string };
}

/** The live pending sign-in of this browser (the cookie), or null: none, expired, used, or the user is inactive. */
export async function currentPendingSignIn(db: PrismaClient, now = new Date()): Promise<PendingSignIn | null> {
  const secure = usesSecureCookies(await headers());
  const raw = (await cookies()).get(secure ? `__Secure-${COOKIE}` : COOKIE)?.value;
  if (!looksLikeToken(raw)) return null;
  const row = await db.pendingSignIn.findUnique({
    where: { tokenHash: hashToken(raw) },
    select: { id: true, expiresAt: true, user: { select: { id: true, email: true, active: true } } },
  });
  if (!row || row.expiresAt <= now || !row.user.active) return null;
  return { id: row.id, user: { id: row.user.id, email: row.user.email } };
}

/** Ends a pending sign-in: true for the one caller that ended it (single use under races). */
export async function finishPendingSignIn(db: PrismaClient, id: string): Promise<boolean> {
  const { count } = await db.pendingSignIn.deleteMany({ where: { id } });
  try {
    const secure = usesSecureCookies(await headers());
    (await cookies()).delete(secure ? `__Secure-${COOKIE}` : COOKIE);
  } catch {
    // Outside a request that can set cookies: the cookie expires by itself.
  }
  return count === 1;
}
