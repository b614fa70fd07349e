import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { env, siteUrl } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSession, endSessions } from "@/lib/auth/sessions";
import { recordAudit, type Actor } from "@/lib/audit/service";
import { consumeToken, issueToken, lastIssuedAt } from "@/lib/tokens/service";
import { sendMail } from "@/lib/mail/transport";
import {
  emailChangeConfirmMessage,
  emailChangeNoticeMessage,
  passwordChangedMessage,
  passwordResetMessage,
  signUpConfirmMessage,
  type MailMessage,
} from "@/lib/mail/messages";
import { containsEmailLocalPart } from "@/lib/validation/user";

/** The new password contains the e-mail's local part (the rule lives in lib/validation/user.ts). */
export class PasswordContainsEmailError extends Error {}

// The rules of account self-service, one function per flow. Actions validate input and check who is
// asking; these make the change, its audit event (same transaction) and the mails.

const DAY = 24 * 3600;
export const CONFIRMATION_RESEND_SECONDS = 60;

type Who = { id: string; email: string };

/** Mails go out only when there is a configured site URL to link to. */
async function mail(to: string, build: (site: string) => MailMessage): Promise<void> {
  const site = siteUrl();
  if (!site) {
    console.error("mfo mail: AUTH_URL is not set in production, so no mail with links can be sent.");
    return;
  }
  await sendMail(to, build(site));
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Forgot password: a link for an active account; nothing at all for an unknown address. */
export async function requestPasswordReset(db: PrismaClient, email: string, ip: string | null, actor: Actor = "anonymous"): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, active: true } });
  if (!user || !user.active) return false;
  const ttl = env().PASSWORD_RESET_TTL;
  const token = await db.$transaction(async (tx) => {
    const issued = await issueToken(tx, { userId: user.id, purpose: "password_reset", ttlSeconds: ttl });
    await recordAudit(tx, { action: "user.password_reset_requested", actor, subject: { id: user.id, label: user.email }, ip });
    return issued;
  });
  await mail(user.email, (site) => passwordResetMessage(site, token.raw, ttl));
  return true;
}

/** Sets the password a reset link was for and ends every session. Null when the link does not work. */
export async function resetPassword(db: PrismaClient, rawToken: string, newPassword: string, ip: string | null): Promise<Who | null> {
  const passwordHash = await hashPassword(newPassword);
  const user = await db.$transaction(async (tx) => {
    const token = await consumeToken(tx, rawToken, "password_reset");
    if (!token) return null;
    const updated = await tx.user.update({ where: { id: token.userId }, data: { passwordHash }, select: { id: true, email: true, active: true } });
    if (!updated.active) return null;
    // Thrown, not returned, so the transaction rolls back and the link still works for a better password.
    if (containsEmailLocalPart(newPassword, updated.email)) throw new PasswordContainsEmailError();
    await endSessions(tx, updated.id);
    await recordAudit(tx, { action: "user.password_reset", actor: "anonymous", subject: { id: updated.id, label: updated.email }, ip });
    return { id: updated.id, email: updated.email };
  });
  if (user) await mail(user.email, passwordChangedMessage);
  return user;
}

async function checkPassword(db: PrismaClient, userId: string, password: string): Promise<boolean> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(row?.passwordHash && (await verifyPassword(password, row.passwordHash)));
}

/** Requires the current password; ends every other session (`keepSessionId`, the caller's, stays). */
export async function changePassword(
  db: PrismaClient,
  user: Who,
  input: { currentPassword: string; newPassword: string; ip: string | null; keepSessionId?: string },
): Promise<"ok" | "wrong_password" | "contains_email"> {
  if (!(await checkPassword(db, user.id, input.currentPassword))) return "wrong_password";
  if (containsEmailLocalPart(input.newPassword, user.email)) return "contains_email";
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await endSessions(tx, user.id, { except: input.keepSessionId });
    await recordAudit(tx, { action: "user.password_changed", actor: user, subject: { id: user.id, label: user.email }, ip: input.ip });
  });
  await mail(user.email, passwordChangedMessage);
  return "ok";
}

/** Requires the current password; the address changes only when the link mailed to it is followed. */
export async function requestEmailChange(
  db: PrismaClient,
  user: Who,
  input: { newEmail: string; currentPassword: string; ip: string | null },
): Promise<"ok" | "wrong_password" | "same" | "taken"> {
  if (!(await checkPassword(db, user.id, input.currentPassword))) return "wrong_password";
  if (input.newEmail === user.email) return "same";
  if (await db.user.findUnique({ where: { email: input.newEmail }, select: { id: true } })) return "taken";
  const token = await db.$transaction(async (tx) => {
    const issued = await issueToken(tx, { userId: user.id, purpose: "email_change", ttlSeconds: DAY, newEmail: input.newEmail });
    await recordAudit(tx, {
      action: "user.email_change_requested",
      actor: user,
      subject: { id: user.id, label: user.email },
      ip: input.ip,
      details: { newEmail: input.newEmail },
    });
    return issued;
  });
  await mail(input.newEmail, (site) => emailChangeConfirmMessage(site, token.raw, input.newEmail));
  await mail(user.email, (site) => emailChangeNoticeMessage(site, input.newEmail));
  return "ok";
}

export type EmailChangeResult =
  | { outcome: "changed"; userId: string; email: string }
  | { outcome: "invalid" }
  | { outcome: "taken" };

export async function confirmEmailChange(db: PrismaClient, rawToken: string, ip: string | null): Promise<EmailChangeResult> {
  try {
    return await db.$transaction(async (tx) => {
      const token = await consumeToken(tx, rawToken, "email_change");
      if (!token?.newEmail) return { outcome: "invalid" as const };
      const before = await tx.user.findUniqueOrThrow({ where: { id: token.userId }, select: { email: true } });
      const user = await tx.user.update({
        where: { id: token.userId },
        data: { email: token.newEmail, emailVerified: new Date() },
        select: { id: true, email: true },
      });
      await recordAudit(tx, { action: "user.email_changed", actor: user, subject: { id: user.id, label: user.email }, ip, details: { from: before.email } });
      return { outcome: "changed" as const, userId: user.id, email: user.email };
    });
  } catch (error) {
    // Someone signed up with the address in the meantime: the token stays unused (rolled back).
    if (isUniqueViolation(error)) return { outcome: "taken" };
    throw error;
  }
}

/** Sign-up confirmation mail, at most once a minute per user. Returns the seconds to wait, or 0 when sent. */
export async function sendEmailConfirmation(db: PrismaClient, user: Who): Promise<number> {
  const last = await lastIssuedAt(db, user.id, "email_confirm");
  const waited = last ? (Date.now() - last.getTime()) / 1000 : Infinity;
  if (waited < CONFIRMATION_RESEND_SECONDS) return Math.ceil(CONFIRMATION_RESEND_SECONDS - waited);
  const token = await issueToken(db, { userId: user.id, purpose: "email_confirm", ttlSeconds: DAY });
  await mail(user.email, (site) => signUpConfirmMessage(site, token.raw));
  return 0;
}

/** Marks the address confirmed. Null when the link does not work. */
export async function confirmEmail(db: PrismaClient, rawToken: string, ip: string | null): Promise<Who | null> {
  return db.$transaction(async (tx) => {
    const token = await consumeToken(tx, rawToken, "email_confirm");
    if (!token) return null;
    const user = await tx.user.update({ where: { id: token.userId }, data: { emailVerified: new Date() }, select: { id: true, email: true } });
    await recordAudit(tx, { action: "user.email_confirmed", actor: user, subject: { id: user.id, label: user.email }, ip });
    return user;
  });
}

export async function updateProfile(db: PrismaClient, user: Who, input: { name: string | null; ip: string | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { name: input.name } });
    await recordAudit(tx, { action: "user.profile_updated", actor: user, subject: { id: user.id, label: user.email }, ip: input.ip });
  });
}

export async function signOutEverywhere(db: PrismaClient, user: Who, ip: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const ended = await endSessions(tx, user.id);
    await recordAudit(tx, { action: "user.signed_out_everywhere", actor: user, subject: { id: user.id, label: user.email }, ip, details: { sessions: ended } });
  });
}

/** "Sign out" next to one of your sessions. False when the id is not one of yours: nothing changes. */
export async function signOutSession(db: PrismaClient, user: Who, sessionId: string, ip: string | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await endSession(tx, user.id, sessionId))) return false;
    await recordAudit(tx, { action: "session.ended", actor: user, subject: { id: user.id, label: user.email }, ip, details: { session: sessionId } });
    return true;
  });
}

/** "Sign out of all other sessions": every session but the one asking. */
export async function signOutOtherSessions(db: PrismaClient, user: Who, currentSessionId: string, ip: string | null): Promise<number> {
  return db.$transaction(async (tx) => {
    const ended = await endSessions(tx, user.id, { except: currentSessionId });
    await recordAudit(tx, { action: "user.signed_out_other_sessions", actor: user, subject: { id: user.id, label: user.email }, ip, details: { sessions: ended } });
    return ended;
  });
}
