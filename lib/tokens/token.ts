import { createHash, randomBytes } from "node:crypto";

// Pure helpers for mailed single-use tokens: 32 random bytes (base64url) go in the link, only their
// SHA-256 is stored, so a copy of the database opens no account.

export const TOKEN_PURPOSES = ["password_reset", "email_change", "email_confirm", "sign_in_link"] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** base64url of 32 bytes is 43 characters; anything else is not one of ours. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newRawToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(raw: string): string {
  return createHash("sha256").update(raw, "utf8").digest("base64url");
}

export function looksLikeToken(raw: unknown): raw is string {
  return typeof raw === "string" && TOKEN_SHAPE.test(raw);
}

export function isLive(token: { expiresAt: Date; usedAt: Date | null }, now: Date = new Date()): boolean {
  return token.usedAt === null && token.expiresAt.getTime() > now.getTime();
}
