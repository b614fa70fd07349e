import "server-only";
import { redirect } from "next/navigation";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/service";
import { checkCurrentPassword } from "@/lib/account/service";
import { safeRedirectPath } from "./safe-redirect";
import { currentReturnTo } from "./return-to";
import { isFreshAuthentication } from "./session-rules";
import type { CurrentUser } from "./sessions";
import { verifySecondFactor } from "./second-factor";
import type { TypedCode } from "./second-factor-rules";

// Sensitive changes (the second factor, the admin's role and permission changes) need a recent proof of
// identity, not just a session: a borrowed unlocked laptop or a stolen cookie should not be enough.
// Forms that ask for the current password anyway (change password, change e-mail) are that proof.
// The proof: the password on /account/confirm-identity (with a code from the authenticator app, for a user
// who has one), or one of the user's passkeys (POST /api/passkeys/reauth).

export const CONFIRM_IDENTITY_PATH = "/account/confirm-identity";

/** What a JSON route answers (403) to a session that is not fresh. */
export const NOT_FRESH = "Confirm it is you first: sign-in methods change only within minutes of proving who you are.";

export function confirmIdentityPath(next: string): string {
  return `${CONFIRM_IDENTITY_PATH}?${new URLSearchParams({ next: safeRedirectPath(next) })}`;
}

/**
 * The one call of every sensitive page and action, after its guard: returns when the session
 * authenticated within FRESHNESS_MINUTES, else redirects to the password page, which then leads back
 * to this page (the page the action was posted from).
 */
export async function requireFreshAuth(user: Pick<CurrentUser, "session">): Promise<void> {
  if (!isFresh(user)) redirect(confirmIdentityPath(await currentReturnTo()));
}

/** Whether the session proved its user within FRESHNESS_MINUTES (JSON routes answer 403 instead of redirecting). */
export function isFresh(user: Pick<CurrentUser, "session">, now = new Date()): boolean {
  return isFreshAuthentication(user.session.authenticatedAt, now, env().FRESHNESS_MINUTES);
}

/** The session's user proved who they are again (the password, or one of their passkeys): audited. */
export async function markReauthenticated(db: PrismaClient, user: CurrentUser, ip: string | null, method: "password" | "passkey", now = new Date()): Promise<void> {
  await db.session.update({ where: { id: user.session.id }, data: { authenticatedAt: now } });
  await recordAudit(db, { action: "user.reauthenticated", actor: user, subject: { id: user.id, label: user.email }, ip, ...(method === "password" ? {} : { details: { method } }) });
}

/** Why a re-authentication did not pass. */
export type ReauthRefusal = "wrong-password" | "code-required" | "wrong-code";

/**
 * The re-authentication page: the current password (throttled per account, as every current-password
 * check) and, for a user with an authenticator app, a code from it or a recovery code (throttled and
 * single use, as at sign-in: verifySecondFactor), renew this session's authentication time. A password
 * alone must not be enough where it is not enough to sign in. Throws CurrentPasswordThrottledError or
 * SecondFactorThrottledError when locked; returns null when it passed.
 */
export async function reauthenticate(
  db: PrismaClient,
  user: CurrentUser,
  proof: { password: string; code: TypedCode | null },
  ip: string | null,
  now = new Date(),
): Promise<ReauthRefusal | null> {
  if (!(await checkCurrentPassword(db, user.id, proof.password))) return "wrong-password";
  if (user.secondFactor) {
    if (!proof.code) return "code-required";
    if (!(await verifySecondFactor(db, user, proof.code, ip))) return "wrong-code";
  }
  await markReauthenticated(db, user, ip, "password", now);
  return null;
}
