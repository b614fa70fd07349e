import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { can, hasRole, type Permission } from "@/lib/auth/permissions";
import type { UserAccess } from "@/lib/users/access";
import { loadUserAccessOncePerRequest } from "@/lib/users/access-cache";
import { hasSessionCookie } from "./session-cookie";
import { readSessionClaims } from "./session-token";
import { env } from "@/lib/env";
import { orServiceUnavailable } from "@/lib/db-fallback";

/**
 * The signed-in user as the database knows them now, or null: one cookie decryption and one query.
 * The JWT only says who they were when they signed in: a deleted or deactivated user, or a token
 * older than the user's sessionVersion, counts as signed out. Memoised per request, so a page with ten checks makes one query.
 */
export const getCurrentUser = cache(async (): Promise<UserAccess | null> => {
  const claims = await readSessionClaims(await cookies());
  if (!claims?.sub) return null;
  const user = await loadUserAccessOncePerRequest(claims.sub);
  if (!user || !user.active || user.sessionVersion !== (claims.sv ?? 0)) return null;
  return user;
});

/** getCurrentUser, or the 503 page while the database is out of reach (its "Try again" leads back to `from`). */
export function currentUserOrUnavailable(from: string): Promise<UserAccess | null> {
  return orServiceUnavailable(from, getCurrentUser);
}

function signInPath(callbackPath: string): string {
  return `/sign-in?${new URLSearchParams({ callbackUrl: callbackPath })}`;
}

/**
 * The signed-in user, or a redirect to sign-in (or /session-ended for a revoked cookie). With
 * REQUIRE_EMAIL_CONFIRMATION on, a user whose address is unconfirmed goes to /confirm-email instead,
 * unless the caller is that page itself (`allowUnconfirmed`). This is the one place the switch is enforced.
 */
export async function requireUser(callbackPath = "/account", options: { allowUnconfirmed?: boolean } = {}): Promise<UserAccess> {
  // The first query of every protected page and action: an unreachable database ends here, on the 503 page.
  const user = await currentUserOrUnavailable(callbackPath);
  if (user) {
    if (!options.allowUnconfirmed && !user.emailVerified && env().REQUIRE_EMAIL_CONFIRMATION) redirect("/confirm-email");
    return user;
  }
  // A cookie without a valid session is a revoked one: /session-ended clears it and says so.
  if (hasSessionCookie(await cookies())) redirect(`/session-ended?${new URLSearchParams({ callbackUrl: callbackPath })}`);
  redirect(signInPath(callbackPath));
}

/** Signed out: to sign-in. Signed in without the permission: 403 (app/forbidden.tsx). */
export async function requirePermission(permission: Permission, callbackPath = "/account"): Promise<UserAccess> {
  const user = await requireUser(callbackPath);
  if (!can(user, permission)) forbidden();
  return user;
}

export async function requireRole(role: string, callbackPath = "/account"): Promise<UserAccess> {
  const user = await requireUser(callbackPath);
  if (!hasRole(user, role)) forbidden();
  return user;
}
