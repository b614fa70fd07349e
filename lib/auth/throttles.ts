import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { hit, peek, reset, type Limit, type LimitState } from "./rate-limit";

// Which actions are throttled, by what key, with limits from the environment (lib/env.ts).

const WINDOW = 15 * 60;

function signInChecks(email: string, ip: string | null): { key: string; limit: Limit }[] {
  const e = env();
  const checks = [{ key: `sign-in:account:${email}`, limit: { max: e.SIGN_IN_ACCOUNT_LIMIT, windowSeconds: WINDOW } }];
  if (ip) checks.push({ key: `sign-in:ip:${ip}`, limit: { max: e.SIGN_IN_IP_LIMIT, windowSeconds: WINDOW } });
  return checks;
}

/** Before checking a password: is this account or address locked out for now? */
export function signInState(db: PrismaClient, email: string, ip: string | null): Promise<LimitState> {
  return peek(db, signInChecks(email, ip));
}

/** A failed sign-in counts against the account and the address. */
export async function recordSignInFailure(db: PrismaClient, email: string, ip: string | null): Promise<void> {
  for (const check of signInChecks(email, ip)) await hit(db, check.key, check.limit);
}

/** A successful sign-in clears the account's failures (not the address's). */
export function clearSignInFailures(db: PrismaClient, email: string): Promise<void> {
  return reset(db, `sign-in:account:${email}`);
}

/**
 * Counts one attempt of a per-address action (sign-up, forgot-password, resend) and says whether it
 * may go ahead. Without a known address the action is not throttled here.
 */
export async function attemptByIp(db: PrismaClient, action: "sign-up" | "forgot-password" | "resend-confirmation", ip: string | null): Promise<LimitState> {
  if (!ip) return { limited: false };
  const e = env();
  const max = action === "sign-up" ? e.SIGN_UP_IP_LIMIT : e.EMAIL_IP_LIMIT;
  const limit = { max, windowSeconds: WINDOW };
  const key = `${action}:ip:${ip}`;
  const state = await peek(db, [{ key, limit }]);
  if (state.limited) return state;
  await hit(db, key, limit);
  return { limited: false };
}
