import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { peek, release, reserve, reserveAll, reset, type Limit, type LimitState } from "./rate-limit";

// Which actions are throttled, by what key, with limits from the environment (lib/env.ts).
// Every throttle RESERVES its attempt (one conditional statement, lib/auth/rate-limit.ts) before the
// work it protects, so parallel requests cannot all pass a check made before any of them counted.

const WINDOW = 15 * 60;

function signInChecks(email: string, ip: string | null): { key: string; limit: Limit }[] {
  const e = env();
  const checks = [{ key: `sign-in:account:${email}`, limit: { max: e.SIGN_IN_ACCOUNT_LIMIT, windowSeconds: WINDOW } }];
  if (ip) checks.push({ key: `sign-in:ip:${ip}`, limit: { max: e.SIGN_IN_IP_LIMIT, windowSeconds: WINDOW } });
  return checks;
}

/** Is this account or address locked out for now (and for how long)? Counts nothing. */
export function signInState(db: PrismaClient, email: string, ip: string | null): Promise<LimitState> {
  return peek(db, signInChecks(email, ip));
}

/** Before checking a password: takes one attempt from the account's and the address's allowance. */
export function reserveSignIn(db: PrismaClient, email: string, ip: string | null): Promise<LimitState> {
  return reserveAll(db, signInChecks(email, ip));
}

/**
 * A successful sign-in clears the account's count, and gives the address back its attempt, so the
 * address's count stays one of failures.
 */
export async function clearSignInFailures(db: PrismaClient, email: string, ip: string | null): Promise<void> {
  await reset(db, `sign-in:account:${email}`);
  if (ip) await release(db, `sign-in:ip:${ip}`);
}

const currentPasswordKey = (userId: string) => `current-password:account:${userId}`;

/**
 * Before checking the current password of a signed-in account (change password, change e-mail): a
 * stolen cookie must not be a way to guess it. Per account, with the sign-in account limit.
 */
export async function reserveCurrentPasswordCheck(db: PrismaClient, userId: string): Promise<LimitState> {
  return reserveAll(db, [{ key: currentPasswordKey(userId), limit: { max: env().SIGN_IN_ACCOUNT_LIMIT, windowSeconds: WINDOW } }]);
}

export function clearCurrentPasswordFailures(db: PrismaClient, userId: string): Promise<void> {
  return reset(db, currentPasswordKey(userId));
}

/**
 * Password-reset mails per account: a flood of requests for someone else's address sends at most
 * RESET_ACCOUNT_LIMIT links a window. Silent (the form answers alike for every address).
 */
export function reserveResetMail(db: PrismaClient, userId: string): Promise<boolean> {
  return reserve(db, `forgot-password:account:${userId}`, { max: env().RESET_ACCOUNT_LIMIT, windowSeconds: WINDOW });
}

/**
 * Sign-in link mails per account, like reset mails: whoever asks, the owner gets at most
 * SIGN_IN_LINK_ACCOUNT_LIMIT links a window. Silent (the form answers alike for every address).
 */
export function reserveSignInLinkMail(db: PrismaClient, userId: string): Promise<boolean> {
  return reserve(db, `sign-in-link:account:${userId}`, { max: env().SIGN_IN_LINK_ACCOUNT_LIMIT, windowSeconds: WINDOW });
}

/**
 * Counts one attempt of a per-address action (sign-up, forgot-password, resend) and says whether it
 * may go ahead. Without a known address the action is not throttled here.
 */
export async function attemptByIp(db: PrismaClient, action: "sign-up" | "forgot-password" | "resend-confirmation" | "sign-in-link", ip: string | null): Promise<LimitState> {
  if (!ip) return { limited: false };
  const e = env();
  const max = action === "sign-up" ? e.SIGN_UP_IP_LIMIT : e.EMAIL_IP_LIMIT;
  return reserveAll(db, [{ key: `${action}:ip:${ip}`, limit: { max, windowSeconds: WINDOW } }]);
}

const secondFactorKey = (userId: string) => `second-factor:account:${userId}`;

/**
 * Before checking a second-factor code (authenticator or recovery): six digits are guessable, so the
 * attempt is reserved first, per account, with the sign-in account limit; a success clears the count.
 */
export function reserveSecondFactorCheck(db: PrismaClient, userId: string): Promise<LimitState> {
  return reserveAll(db, [{ key: secondFactorKey(userId), limit: { max: env().SIGN_IN_ACCOUNT_LIMIT, windowSeconds: WINDOW } }]);
}

export function clearSecondFactorFailures(db: PrismaClient, userId: string): Promise<void> {
  return reset(db, secondFactorKey(userId));
}

/** Whether the account's second-factor allowance is used up (and for how long). Counts nothing. */
export function secondFactorState(db: PrismaClient, userId: string): Promise<LimitState> {
  return peek(db, [{ key: secondFactorKey(userId), limit: { max: env().SIGN_IN_ACCOUNT_LIMIT, windowSeconds: WINDOW } }]);
}
