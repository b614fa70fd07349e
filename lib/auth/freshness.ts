import "server-only";
import { redirect } from "next/navigation";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/service";
import { checkCurrentPassword } from "@/lib/account/service";
import { safeRedirectPath } from "./safe-redirect";
import { isFreshAuthentication } from "./session-rules";
import type { CurrentUser } from "./sessions";

// Sensitive changes (the second factor, the admin's role and permission changes) need a recent proof of
// identity, not just a session: a borrowed unlocked laptop or a stolen cookie should not be enough.
// Forms that ask for the current password anyway (change password, change e-mail) are that proof.

export const CONFIRM_IDENTITY_PATH = "/account/confirm-identity";

export function confirmIdentityPath(next: string): string {
  return `${CONFIRM_IDENTITY_PATH}?${new URLSearchParams({ next: safeRedirectPath(next) })}`;
}

/**
 * The one call of every sensitive page and action, after its guard: returns when the session
 * authenticated within FRESHNESS_MINUTES, else redirects to the password page, which then leads back
 * to `next` (the page the action belongs to).
 */
export function requireFreshAuth(user: Pick<CurrentUser, "session">, next: string, now = new Date()): void {
  if (!isFreshAuthentication(user.session.authenticatedAt, now, env().FRESHNESS_MINUTES)) redirect(confirmIdentityPath(next));
}

/**
 * The re-authentication page: the current password (throttled per account, as every current-password
 * check) renews this session's authentication time. Throws CurrentPasswordThrottledError when locked.
 */
export async function reauthenticate(db: PrismaClient, user: CurrentUser, password: string, ip: string | null, now = new Date()): Promise<boolean> {
  if (!(await checkCurrentPassword(db, user.id, password))) return false;
  await db.session.update({ where: { id: user.session.id }, data: { authenticatedAt: now } });
  await recordAudit(db, { action: "user.reauthenticated", actor: user, subject: { id: user.id, label: user.email }, ip });
  return true;
}
