import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Ends every session issued to the user before now: their JWTs carry the old version, and both the
 * jwt callback (auth.ts) and the server guards (lib/auth/guards.ts) refuse a token whose version is
 * not the database's. The one mechanism behind password change/reset, "sign out everywhere",
 * deactivation and role changes. Returns the new version, for re-issuing the caller's own token.
 */
export async function bumpSessionVersion(db: Db, userId: string): Promise<number> {
  const { sessionVersion } = await db.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return sessionVersion;
}
