import "server-only";
import { cookies } from "next/headers";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashToken, newRawToken } from "@/lib/tokens/token";

// WebAuthn challenges kept on the server: single use (the row is deleted by the answer that uses it),
// short-lived, and bound to the browser that asked, by a random value in an HttpOnly cookie of which
// only the SHA-256 is stored. An answer from another browser, or a replayed one, finds no challenge.

export type ChallengePurpose = "register" | "sign-in" | "reauth";

/** Long enough to find a security key; the autofill prompt on /sign-in asks again when it lapses. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

const cookieName = (purpose: ChallengePurpose) => `mfo-passkey-${purpose}`;

/** Stores the challenge the options carry and binds it to this browser (one per purpose at a time). */
export async function keepChallenge(db: PrismaClient, purpose: ChallengePurpose, challenge: string, userId: string | null, now = Date.now()): Promise<void> {
  const binding = newRawToken();
  const jar = await cookies();
  const earlier = jar.get(cookieName(purpose))?.value;
  await db.$transaction([
    // The browser's previous challenge of this purpose and everyone's expired ones go: the table stays small.
    db.passkeyChallenge.deleteMany({ where: { OR: [{ expiresAt: { lte: new Date(now) } }, ...(earlier ? [{ bindingHash: hashToken(earlier) }] : [])] } }),
    db.passkeyChallenge.create({ data: { bindingHash: hashToken(binding), purpose, challenge, userId, expiresAt: new Date(now + CHALLENGE_TTL_MS) } }),
  ]);
  jar.set(cookieName(purpose), binding, {
    httpOnly: true,
    sameSite: "strict",
    secure: process.env.NODE_ENV === "production" && (process.env.AUTH_URL ?? "").startsWith("https:"),
    path: "/",
    maxAge: CHALLENGE_TTL_MS / 1000,
  });
}

/**
 * Takes this browser's live challenge of the purpose (for `userId`, when given), or null. Deleted as it
 * is taken, so of two answers racing for it only one gets it, whatever the verification says after.
 */
export async function takeChallenge(db: PrismaClient, purpose: ChallengePurpose, userId: string | null, now = Date.now()): Promise<string | null> {
  const jar = await cookies();
  const binding = jar.get(cookieName(purpose))?.value;
  if (!binding) return null;
  jar.delete(cookieName(purpose));
  const bindingHash = hashToken(binding);
  const row = await db.passkeyChallenge.findUnique({ where: { bindingHash } });
  if (!row) return null;
  const { count } = await db.passkeyChallenge.deleteMany({ where: { bindingHash, challenge: row.challenge } });
  if (count !== 1 || row.purpose !== purpose || row.expiresAt.getTime() <= now || row.userId !== userId) return null;
  return row.challenge;
}
