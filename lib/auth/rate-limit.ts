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
 * Counts one hit against `key` and returns the count in the current window. One atomic statement
 * (insert or bump, restarting an expired window), so parallel requests and processes count right.
 */
export async function hit(db: PrismaClient, key: string, limit: Limit, now = Date.now()): Promise<number> {
  const resetAt = BigInt(now + limit.windowSeconds * 1000);
  const rows = await db.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO RateLimit (key, count, resetAt) VALUES (${key}, 1, ${resetAt})
    ON CONFLICT(key) DO UPDATE SET
      count = CASE WHEN RateLimit.resetAt <= ${BigInt(now)} THEN 1 ELSE RateLimit.count + 1 END,
      resetAt = CASE WHEN RateLimit.resetAt <= ${BigInt(now)} THEN excluded.resetAt ELSE RateLimit.resetAt END
    RETURNING count`;
  return Number(rows[0]?.count ?? 1);
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
