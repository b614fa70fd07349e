import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { hashToken, isLive, looksLikeToken, newRawToken, type TokenPurpose } from "./token";

type Db = PrismaClient | Prisma.TransactionClient;

export interface IssuedToken {
  raw: string;
  expiresAt: Date;
}

/**
 * Issues a token for the user and purpose; earlier unused ones of the same purpose stop working, so
 * only the newest link in someone's inbox opens anything.
 */
export async function issueToken(
  db: Db,
  input: { userId: string; purpose: TokenPurpose; ttlSeconds: number; newEmail?: string },
): Promise<IssuedToken> {
  const raw = newRawToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + input.ttlSeconds * 1000);
  await db.userToken.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null },
    data: { usedAt: now },
  });
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

/** When the user was last sent a token of this purpose (for rate limits). */
export async function lastIssuedAt(db: Db, userId: string, purpose: TokenPurpose): Promise<Date | null> {
  const last = await db.userToken.findFirst({
    where: { userId, purpose },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return last?.createdAt ?? null;
}
