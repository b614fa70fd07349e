import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db/types";
import { env } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSession, endSessions } from "@/lib/auth/sessions";
import { recordAudit, type AuditActor } from "@/lib/audit/service";
import { clearCurrentPasswordFailures, reserveCurrentPasswordCheck, reserveResetMail } from "@/lib/auth/throttles";
import { consumeToken, issueToken, lastIssuedAt, voidAllTokens } from "@/lib/tokens/service";
import { mailToSite as mail } from "@/lib/mail/site-mail";
import {
  emailChangeConfirmMessage,
  emailChangedMessage,
  emailChangeNoticeMessage,
  passwordChangedMessage,
  passwordResetMessage,
  signUpConfirmMessage,
} from "@/lib/mail/messages";
import { assertPasswordAllowed } from "@/lib/validation/password";
import type { SelfActor } from "@/lib/auth/actor";

// The rules of account self-service, one function per flow. Actions validate input and check who is
// asking; these make the change, its audit event (same transaction) and the mails.

const DAY = 24 * 3600;
export const CONFIRMATION_RESEND_SECONDS = 60;



/**
 * Forgot password: a link for an active account; nothing at all for an unknown address. At most
 * RESET_ACCOUNT_LIMIT mails per account a window (a stranger cannot flood the owner's inbox), and a
 * new link leaves the earlier live ones working (a stranger cannot void the owner's link either).
 */
export async function requestPasswordReset(db: PrismaClient, email: string, ip: string | null, actor: AuditActor = "anonymous"): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, active: true } });
  if (!user || !user.active) return false;
  if (!(await reserveResetMail(db, user.id))) {
    await recordAudit(db, { action: "user.password_reset_throttled", actor, subject: { id: user.id, label: user.email }, ip });
    return false;
  }
  const ttl = env().PASSWORD_RESET_TTL;
  const token = await db.$transaction(async (tx) => {
    const issued = await issueToken(tx, { userId: user.id, purpose: "password_reset", ttlSeconds: ttl });
    await recordAudit(tx, { action: "user.password_reset_requested", actor, subject: { id: user.id, label: user.email }, ip });
    return issued;
  });
  await mail(user.email, (site) => passwordResetMessage(site, token.raw, ttl));
  return true;
}

/** A refusal inside a transaction: thrown, never returned, so everything the transaction wrote rolls back. */
class Refused extends Error {
  constructor(readonly subject: SelfActor, readonly reason: string) {
    super(`refused: ${reason}`);
  }
}

/**
 * Sets the password a reset link was for, voids every other link of the account and ends every
 * session. Null when the link does not work, or the account is deactivated (nothing is changed, the
 * refusal is audited).
 */
export async function resetPassword(db: PrismaClient, rawToken: string, newPassword: string, ip: string | null): Promise<SelfActor | null> {
  const passwordHash = await hashPassword(newPassword);
  let user: SelfActor | null;
  try {
    user = await db.$transaction(async (tx) => {
      const token = await consumeToken(tx, rawToken, "password_reset");
      if (!token) return null;
      const target = await tx.user.findUniqueOrThrow({ where: { id: token.userId }, select: { id: true, email: true, active: true } });
      const who = { id: target.id, email: target.email };
      if (!target.active) throw new Refused(who, "inactive");
      // The policy with the account's e-mail, which the form did not know. Throws PasswordRefusedError, so
      // the transaction rolls back and the link still works for a better password.
      assertPasswordAllowed(newPassword, { minLength: env().PASSWORD_MIN_LENGTH, email: target.email });
      await tx.user.update({ where: { id: target.id }, data: { passwordHash } });
      await voidAllTokens(tx, target.id);
      await endSessions(tx, target.id);
      await recordAudit(tx, { action: "user.password_reset", actor: "anonymous", subject: { id: target.id, label: target.email }, ip });
      return who;
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    await recordAudit(db, { action: "user.password_reset_refused", actor: "anonymous", subject: { id: error.subject.id, label: error.subject.email }, ip, details: { reason: error.reason } });
    return null;
  }
  if (user) await mail(user.email, passwordChangedMessage);
  return user;
}

/** Too many wrong current passwords for this account: refused before any compare. */
export class CurrentPasswordThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many current-password attempts");
  }
}

/**
 * The current-password check of the signed-in forms, throttled per account like sign-in (a stolen
 * cookie must not be a password oracle): the attempt is reserved before the compare, a success clears
 * the count. Runs before anything about the new values is looked at, so a wrong password gets one
 * answer whatever they are.
 */
export async function checkCurrentPassword(db: PrismaClient, userId: string, password: string): Promise<boolean> {
  const throttle = await reserveCurrentPasswordCheck(db, userId);
  if (throttle.limited) throw new CurrentPasswordThrottledError(throttle.retryAfterSeconds);
  const row = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  const ok = Boolean(row?.passwordHash && (await verifyPassword(password, row.passwordHash)));
  if (ok) await clearCurrentPasswordFailures(db, userId);
  return ok;
}

/**
 * Requires the current password; ends every other session (`keepSessionId`, the caller's, stays).
 * Throws PasswordRefusedError when the policy, now with the account's e-mail, refuses the new password.
 */
export async function changePassword(
  db: PrismaClient,
  user: SelfActor,
  input: { currentPassword: string; newPassword: string; ip: string | null; keepSessionId?: string },
): Promise<"ok" | "wrong_password"> {
  if (!(await checkCurrentPassword(db, user.id, input.currentPassword))) return "wrong_password";
  assertPasswordAllowed(input.newPassword, { minLength: env().PASSWORD_MIN_LENGTH, email: user.email });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await voidAllTokens(tx, user.id);
    await endSessions(tx, user.id, { except: input.keepSessionId });
    await recordAudit(tx, { action: "user.password_changed", actor: user, subject: { id: user.id, label: user.email }, ip: input.ip });
  });
  await mail(user.email, passwordChangedMessage);
  return "ok";
}

/** Requires the current password; the address changes only when the link mailed to it is followed. */
export async function requestEmailChange(
  db: PrismaClient,
  user: SelfActor,
  input: { newEmail: string; currentPassword: string; ip: string | null },
): Promise<"ok" | "wrong_password" | "same" | "taken"> {
  if (!(await checkCurrentPassword(db, user.id, input.currentPassword))) return "wrong_password";
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

/**
 * Completes an e-mail change: voids the account's other links, ends every session of the account and
 * tells the old address.
 */
export async function confirmEmailChange(db: PrismaClient, rawToken: string, ip: string | null): Promise<EmailChangeResult> {
  let result;
  try {
    result = await db.$transaction(async (tx) => {
      const token = await consumeToken(tx, rawToken, "email_change");
      if (!token?.newEmail) return { outcome: "invalid" as const };
      const before = await tx.user.findUniqueOrThrow({ where: { id: token.userId }, select: { email: true } });
      const user = await tx.user.update({
        where: { id: token.userId },
        data: { email: token.newEmail, emailVerified: new Date() },
        select: { id: true, email: true },
      });
      // Whoever followed the link, the account's sessions and remaining links (a reset mailed to the
      // old address) end: an e-mail change is how an intruder would keep the account.
      await voidAllTokens(tx, user.id);
      await endSessions(tx, user.id);
      await recordAudit(tx, { action: "user.email_changed", actor: user, subject: { id: user.id, label: user.email }, ip, details: { from: before.email } });
      return { outcome: "changed" as const, userId: user.id, email: user.email, previousEmail: before.email };
    });
  } catch (error) {
    // Someone signed up with the address in the meantime: the token stays unused (rolled back).
    if (isUniqueViolation(error)) return { outcome: "taken" };
    throw error;
  }
  if (result.outcome !== "changed") return result;
  await mail(result.previousEmail, (site) => emailChangedMessage(site, result.email));
  return { outcome: "changed", userId: result.userId, email: result.email };
}

/** Sign-up confirmation mail, at most once a minute per user. Returns the seconds to wait, or 0 when sent. */
export async function sendEmailConfirmation(db: PrismaClient, user: SelfActor): Promise<number> {
  const last = await lastIssuedAt(db, user.id, "email_confirm");
  const waited = last ? (Date.now() - last.getTime()) / 1000 : Infinity;
  if (waited < CONFIRMATION_RESEND_SECONDS) return Math.ceil(CONFIRMATION_RESEND_SECONDS - waited);
  const token = await issueToken(db, { userId: user.id, purpose: "email_confirm", ttlSeconds: DAY });
  await mail(user.email, (site) => signUpConfirmMessage(site, token.raw));
  return 0;
}

/** Marks the address confirmed. Null when the link does not work. */
export async function confirmEmail(db: PrismaClient, rawToken: string, ip: string | null): Promise<SelfActor | null> {
  return db.$transaction(async (tx) => {
    const token = await consumeToken(tx, rawToken, "email_confirm");
    if (!token) return null;
    const user = await tx.user.update({ where: { id: token.userId }, data: { emailVerified: new Date() }, select: { id: true, email: true } });
    await recordAudit(tx, { action: "user.email_confirmed", actor: user, subject: { id: user.id, label: user.email }, ip });
    return user;
  });
}

export async function updateProfile(db: PrismaClient, user: SelfActor, input: { name: string | null; ip: string | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { name: input.name } });
    await recordAudit(tx, { action: "user.profile_updated", actor: user, subject: { id: user.id, label: user.email }, ip: input.ip });
  });
}

export async function signOutEverywhere(db: PrismaClient, user: SelfActor, ip: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await voidAllTokens(tx, user.id);
    const ended = await endSessions(tx, user.id);
    await recordAudit(tx, { action: "user.signed_out_everywhere", actor: user, subject: { id: user.id, label: user.email }, ip, details: { sessions: ended } });
  });
}

/** "Sign out" next to one of your sessions. False when the id is not one of yours: nothing changes. */
export async function signOutSession(db: PrismaClient, user: SelfActor, sessionId: string, ip: string | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await endSession(tx, user.id, sessionId))) return false;
    await recordAudit(tx, { action: "session.ended", actor: user, subject: { id: user.id, label: user.email }, ip, details: { session: sessionId } });
    return true;
  });
}

/** "Sign out of all other sessions": every session but the one asking. */
export async function signOutOtherSessions(db: PrismaClient, user: SelfActor, currentSessionId: string, ip: string | null): Promise<number> {
  return db.$transaction(async (tx) => {
    const ended = await endSessions(tx, user.id, { except: currentSessionId });
    await recordAudit(tx, { action: "user.signed_out_other_sessions", actor: user, subject: { id: user.id, label: user.email }, ip, details: { sessions: ended } });
    return ended;
  });
}
