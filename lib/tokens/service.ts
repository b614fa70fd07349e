import "server-only";
import type { Db } from "@/lib/db/types";
import { hashToken, isLive, looksLikeToken, newRawToken, type TokenPurpose } from "./token";


export interface IssuedToken {
  raw: string;
  expiresAt: Date;
}

/**
 * Whether a new token voids the earlier unused ones of its purpose. An e-mail change or confirmation
 * is the account owner's own request: only the newest link opens anything. A reset can be requested
 * by anyone for any address, so a new request must not kill the owner's live link (that would let a
 * stranger block a reset); the per-account mail limit (lib/auth/throttles.ts) bounds how many live.
 */
// A sign-in link can be requested by anyone for any address too: like a reset, it leaves earlier ones working.
const VOIDS_EARLIER: Record<TokenPurpose, boolean> = { email_change: true, email_confirm: true, password_reset: false, sign_in_link: false };

/** Issues a token for the user and purpose (see VOIDS_EARLIER for what happens to earlier ones). */
export async function issueToken(
  db: Db,
  input: { userId: string; purpose: TokenPurpose; ttlSeconds: number; newEmail?: string },
): Promise<IssuedToken> {
  const raw = newRawToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + input.ttlSeconds * 1000);
  if (VOIDS_EARLIER[input.purpose]) {
    await db.userToken.updateMany({
      where: { userId: input.userId, purpose: input.purpose, usedAt: null },
      data: { usedAt: now },
    });
  }
  await db.userToken.create({
    data: { userId: input.userId, purpose: input.purpose, tokenHash: hashToken(raw), newEmail: input.newEmail ?? null, expiresAt },
  });
  return { raw, expiresAt };
}

export interface LiveToken {
  id: string;
  userId: string;
  newEmail: string | null;
}

/** Looks a token up without using it (to decide which page to show). Null when unknown, used or expired. */
export async function findLiveToken(db: Db, raw: unknown, purpose: TokenPurpose): Promise<LiveToken | null> {
  if (!looksLikeToken(raw)) return null;
  const token = await db.userToken.findUnique({ where: { tokenHash: hashToken(raw) } });
  if (!token || token.purpose !== purpose || !isLive(token)) return null;
  return { id: token.id, userId: token.userId, newEmail: token.newEmail };
}

/**
 * Uses a token once: of two simultaneous requests only one sees count 1. Run it inside the transaction
 * that makes the change, so a failed change leaves the token usable.
 */
export async function consumeToken(db: Db, raw: unknown, purpose: TokenPurpose): Promise<LiveToken | null> {
  const token = await findLiveToken(db, raw, purpose);
  if (!token) return null;
  const now = new Date();
  const { count } = await db.userToken.updateMany({
    where: { id: token.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1 ? token : null;
}

/**
 * Voids every outstanding token of the account, whatever its purpose: recovery (password changed or
 * reset, signed out everywhere, e-mail changed) must leave no older link that still opens anything.
 */
export async function voidAllTokens(db: Db, userId: string): Promise<void> {
  await db.userToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
}

/** When the user was last sent a token of this purpose (for rate limits). */
export async function lastIssuedAt(db: Db, userId: string, purpose: TokenPurpose): Promise<Date | null> {
  const last = await db.userToken.findFirst({
    where: { userId, purpose },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return last?.createdAt ?? null;
}
