import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface Limit {
  /** How many hits a window allows. */
  max: number;
  /** Window length in seconds. */
  windowSeconds: number;
}

export type LimitState = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * Reserves one attempt against `key` if the window has room: one conditional statement (insert, or
 * bump only while under the limit, restarting an expired window), so of N parallel callers exactly
 * `max` get true, whatever the interleaving, across processes too. Call it BEFORE the costly or
 * guessable work (a password compare); a success may then give the attempt back (reset/release).
 */
export async function reserve(db: PrismaClient, key: string, limit: Limit, now = Date.now()): Promise<boolean> {
  if (limit.max <= 0) return false;
  const resetAt = BigInt(now + limit.windowSeconds * 1000);
  const rows = await db.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO RateLimit (key, count, resetAt) VALUES (${key}, 1, ${resetAt})
    ON CONFLICT(key) DO UPDATE SET
      count = CASE WHEN RateLimit.resetAt <= ${BigInt(now)} THEN 1 ELSE RateLimit.count + 1 END,
      resetAt = CASE WHEN RateLimit.resetAt <= ${BigInt(now)} THEN excluded.resetAt ELSE RateLimit.resetAt END
    WHERE RateLimit.resetAt <= ${BigInt(now)} OR RateLimit.count < ${limit.max}
    RETURNING count`;
  return rows.length > 0;
}

/**
 * Reserves an attempt against every key, or none: when one is full, the ones already taken are given
 * back and the state says how long to wait.
 */
export async function reserveAll(db: PrismaClient, checks: ReadonlyArray<{ key: string; limit: Limit }>, now = Date.now()): Promise<LimitState> {
  const taken: string[] = [];
  for (const check of checks) {
    if (await reserve(db, check.key, check.limit, now)) {
      taken.push(check.key);
      continue;
    }
    for (const key of taken) await release(db, key);
    const state = await peek(db, checks, now);
    return state.limited ? state : { limited: true, retryAfterSeconds: check.limit.windowSeconds };
  }
  return { limited: false };
}

/** Gives one reserved attempt back (an attempt that turned out legitimate, or was not made). */
export async function release(db: PrismaClient, key: string): Promise<void> {
  await db.rateLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Whether any of the keys is at or over its limit, without counting a hit. */
export async function peek(db: PrismaClient, checks: ReadonlyArray<{ key: string; limit: Limit }>, now = Date.now()): Promise<LimitState> {
  if (checks.length === 0) return { limited: false };
  const rows = await db.rateLimit.findMany({ where: { key: { in: checks.map((c) => c.key) } } });
  let retryAfterMs = 0;
  for (const row of rows) {
    const limit = checks.find((c) => c.key === row.key)!.limit;
    const resetAt = Number(row.resetAt);
    if (resetAt > now && row.count >= limit.max) retryAfterMs = Math.max(retryAfterMs, resetAt - now);
  }
  return retryAfterMs > 0 ? { limited: true, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : { limited: false };
}

export async function reset(db: PrismaClient, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** "Too many attempts. Try again in 15 minutes." — the one wording every throttled form uses. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
