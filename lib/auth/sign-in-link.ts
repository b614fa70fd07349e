import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditActor } from "@/lib/audit/service";
import { consumeToken, issueToken } from "@/lib/tokens/service";
import { mailToSite } from "@/lib/mail/site-mail";
import { signInLinkMessage } from "@/lib/mail/messages";
import { reserveSignInLinkMail } from "./throttles";

// "E-mail me a sign-in link": the project's one mechanism for mailed links (lib/tokens: random, stored
// as SHA-256, single use, expiring), with its own purpose. Why not Auth.js's e-mail provider:
// docs/decisions/sign-in-links.md.

export const SIGN_IN_LINK_TTL_SECONDS = 15 * 60;

/**
 * Mails a link to an active account; nothing at all for an unknown or inactive address (the form
 * answers alike). At most SIGN_IN_LINK_ACCOUNT_LIMIT mails per account a window, silently.
 */
export async function requestSignInLink(db: PrismaClient, email: string, ip: string | null, actor: AuditActor = "anonymous"): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, active: true } });
  if (!user || !user.active) return false;
  if (!(await reserveSignInLinkMail(db, user.id))) {
    await recordAudit(db, { action: "user.sign_in_link_throttled", actor, subject: { id: user.id, label: user.email }, ip });
    return false;
  }
  const token = await db.$transaction(async (tx) => {
    const issued = await issueToken(tx, { userId: user.id, purpose: "sign_in_link", ttlSeconds: SIGN_IN_LINK_TTL_SECONDS });
    await recordAudit(tx, { action: "user.sign_in_link_requested", actor, subject: { id: user.id, label: user.email }, ip });
    return issued;
  });
  await mailToSite(user.email, (site) => signInLinkMessage(site, token.raw, SIGN_IN_LINK_TTL_SECONDS));
  return true;
}

/**
 * Uses a link once: the id of the account it was for (the first factor proved; lib/auth/first-factor.ts
 * decides what follows), or null when the link is unknown, used or expired. Following it proves the
 * address, so it also confirms an unconfirmed one.
 */
export async function redeemSignInLink(db: PrismaClient, raw: unknown): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const token = await consumeToken(tx, raw, "sign_in_link");
    if (!token) return null;
    await tx.user.updateMany({ where: { id: token.userId, emailVerified: null }, data: { emailVerified: new Date() } });
    return token.userId;
  });
}
